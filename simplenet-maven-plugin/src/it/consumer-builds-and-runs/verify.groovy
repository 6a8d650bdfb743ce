// The consumer's build generated Java, .proto and descriptor sets for the schema and its import,
// compiled them, packaged the resources, and its tests of the generated code passed.
def target = new File(basedir, 'target')
def sources = new File(target, 'generated-sources/simplenet')
def resources = new File(target, 'generated-resources/simplenet/META-INF/simplenet')

['com/example/chat/Posted.java', 'com/example/chat/PostedCodec.java', 'com/example/chat/Mood.java',
 'com/example/chat/Post.java', 'com/example/chat/ChatChannel.java', 'com/example/common/User.java'].each {
    assert new File(sources, it).isFile() : "${it} not generated"
}
['chat.proto', 'chat.desc', 'common/user.proto', 'common/user.desc'].each {
    assert new File(resources, it).isFile() : "${it} not generated"
    assert new File(target, "classes/META-INF/simplenet/${it}").isFile() : "${it} not packaged"
}
assert new File(target, 'classes/com/example/chat/ChatChannel.class').isFile()

def report = new File(target, 'surefire-reports/TEST-com.example.chat.ChatRoundTripTest.xml')
assert report.isFile() : 'ChatRoundTripTest did not run'
assert report.text =~ /<testsuite [^>]*tests="5" errors="0" skipped="0" failures="0"/
return true
