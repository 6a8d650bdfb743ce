// drop.channel was deleted after the first build: its outputs (and their now empty package
// directory) are gone, keep.channel's are still there, and the second build said so.
def sources = new File(basedir, 'target/generated-sources/simplenet')
def resources = new File(basedir, 'target/generated-resources/simplenet/META-INF/simplenet')
def log = new File(basedir, 'build.log').text

assert new File(sources, 'com/example/keep/Kept.java').isFile()
assert new File(resources, 'keep.proto').isFile()
assert new File(resources, 'keep.desc').isFile()

assert !new File(basedir, 'src/main/channel/drop.channel').exists() : 'the first build did not delete it'
assert !new File(sources, 'com/example/drop').exists() : 'outputs of the deleted schema remain'
assert !new File(resources, 'drop.proto').exists()
assert !new File(resources, 'drop.desc').exists()

assert log.contains('simplenet: compiled 2 schemas, wrote ')
def second = log =~ /simplenet: compiled 1 schema, wrote 0 files, removed (\d+) files?/
assert second.find() : 'second build did not report its removals'
assert (second.group(1) as int) >= 3
return true
