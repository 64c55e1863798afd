using System.Text;
using System.Text.Json.Nodes;
using Nmt.Analytics.Kernel.Protocol;

namespace Nmt.Analytics.KernelTests;

public class ProtocolTests
{
    [Fact]
    public void Signature_is_hmac_sha256_as_lowercase_hex_rfc4231_case_1()
    {
        // RFC 4231 test case 1: key = 20 bytes of 0x0b, data = "Hi There".
        var signer = new MessageSigner(new string('\u000b', 20));
        byte[][] frames = [Encoding.ASCII.GetBytes("Hi "), Encoding.ASCII.GetBytes("There"), [], []];

        Assert.Equal("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7", signer.Sign(frames));
        Assert.True(signer.Verify("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7", frames));
        Assert.False(signer.Verify("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff8", frames));
    }

    [Fact]
    public void A_message_round_trips_with_its_identities_and_signature()
    {
        var wire = new WireFormat(new MessageSigner("secret"));
        var message = JupyterMessage.Create("execute_request", new JsonObject { ["code"] = "1 + 1" }, "s1", null, [[1, 2, 3]]);

        var decoded = wire.Decode(wire.Encode(message));

        Assert.Equal([1, 2, 3], Assert.Single(decoded.Identities));
        Assert.Equal("execute_request", decoded.MessageType);
        Assert.Equal("5.3", decoded.Header["version"]!.GetValue<string>());
        Assert.Equal("1 + 1", decoded.Content["code"]!.GetValue<string>());
    }

    [Fact]
    public void A_tampered_or_foreign_message_is_refused()
    {
        var wire = new WireFormat(new MessageSigner("secret"));
        var frames = wire.Encode(JupyterMessage.Create("execute_request", new JsonObject { ["code"] = "1" }, "s1", null));
        frames[^1] = Encoding.UTF8.GetBytes("{\"code\":\"File.Delete(...)\"}");

        var tampered = Assert.Throws<InvalidMessageException>(() => wire.Decode(frames));
        Assert.Contains("invalid signature", tampered.Message, StringComparison.Ordinal);
        var foreign = new WireFormat(new MessageSigner("other")).Encode(JupyterMessage.Create("kernel_info_request", [], "s2", null));
        Assert.Throws<InvalidMessageException>(() => wire.Decode(foreign));
        Assert.Throws<InvalidMessageException>(() => wire.Decode([Encoding.ASCII.GetBytes("no delimiter")]));
    }

    [Fact]
    public void A_reply_carries_the_request_header_as_parent_and_its_identities()
    {
        var request = JupyterMessage.Create("kernel_info_request", [], "client", null, [[9]]);

        var reply = JupyterMessage.Create("kernel_info_reply", [], "kernel", request);

        Assert.Equal(request.Header["msg_id"]!.GetValue<string>(), reply.ParentHeader["msg_id"]!.GetValue<string>());
        Assert.Equal([9], Assert.Single(reply.Identities));
    }
}
