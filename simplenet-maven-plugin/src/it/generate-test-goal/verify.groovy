// generate-test fed the test compile and the test resources only; the tests using them ran.
def target = new File(basedir, 'target')
assert new File(target, 'generated-test-sources/simplenet/com/example/pings/Ping.java').isFile()
assert new File(target, 'generated-test-resources/simplenet/META-INF/simplenet/ping.proto').isFile()
assert new File(target, 'test-classes/com/example/pings/Ping.class').isFile()
assert new File(target, 'test-classes/META-INF/simplenet/ping.desc').isFile()
assert !new File(target, 'generated-sources/simplenet').exists()
assert !new File(target, 'classes/com/example/pings').exists()

def report = new File(target, 'surefire-reports/TEST-com.example.pings.PingTest.xml')
assert report.isFile() : 'PingTest did not run'
def suite = report.text
assert suite =~ /<testsuite [^>]*tests="2" errors="0" skipped="0" failures="0"/
return true
