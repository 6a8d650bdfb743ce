import java.nio.file.Files
import java.security.MessageDigest

// The second build found the schemas up to date: it said so, and every generated file still has the
// timestamp and content the first build recorded.
def log = new File(basedir, 'build.log').text
assert log.contains('simplenet: compiled 2 schemas, wrote ')
assert log.contains('simplenet: 2 schemas up to date, nothing written')
assert log.contains('Nothing to compile - all classes are up to date') : 'javac recompiled after an up-to-date generate'

def target = new File(basedir, 'target')
def recorded = new File(target, 'first-build-outputs.txt').readLines()
assert recorded.size() >= 4 : "too few outputs recorded: ${recorded}"
def now = []
['generated-sources/simplenet', 'generated-resources/simplenet'].each { root ->
    new File(target, root).eachFileRecurse(groovy.io.FileType.FILES) { now << it }
}
assert now.size() == recorded.size() : "outputs changed: recorded ${recorded}, now ${now}"
recorded.each { line ->
    def (path, millis, sha) = line.tokenize(' ')
    def file = new File(target, path)
    assert file.isFile() : "${path} is gone"
    assert Files.getLastModifiedTime(file.toPath()).toMillis() == (millis as long) : "${path} was rewritten"
    def hash = MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString()
    assert hash == sha : "${path} changed"
}
assert new File(target, 'simplenet/default-generate.state').isFile()
return true
