// Both errors are reported javac-style (path relative to the project, line:col, the source line
// and a caret under the column), followed by exactly one failure naming the count.
def log = new File(basedir, 'build.log').text.normalize()

assert log.contains('''[ERROR] src/main/channel/broken.channel:6:3: error: unknown type 'Scroe'; did you mean 'Score'?
    Scroe score = 2;
    ^
''')
assert log.contains('''[ERROR] src/main/channel/broken.channel:10:19: error: expected ';' after field number at the end of the line
    int64 points = 1
                    ^
''')
def failures = log.readLines().findAll { it.contains('in .channel files; see above') }
assert failures.size() == 1 : failures
assert failures[0].contains('2 errors in .channel files; see above')
assert !log.contains('at io.simplenet.') : 'a stack trace leaked into the report'

assert !new File(basedir, 'target/generated-sources/simplenet').exists()
assert !new File(basedir, 'target/simplenet').exists() : 'state written for a failed build'
return true
