package org.pouch.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.pouch.gateway.testing.RecordingIntake;
import org.pouch.gateway.testing.SoapMessages;
import org.pouch.testing.TestPki;
import org.w3c.dom.Document;

/**
 * Requests written by hand, as a partner without a SOAP toolkit would send them: SOAP 1.1 with the
 * envelope inline as base64, and the same as an MTOM package built byte by byte. The intake is
 * {@link RecordingIntake}; the tests check the edge's mapping, not the intake route.
 */
class RawSoapRequestTest extends SoapEdgeTest {

    @Test
    void inlineBase64RequestIsAcceptedWithAPlainSoapResponse() throws Exception {
        byte[] envelope = SoapExchangeClientTest.randomBytes(3_000);

        HttpResponse<String> response = pkMoi().postSoap(SoapMessages.inlineRequest(envelope));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
        Document answer = SoapMessages.parse(response.body());
        assertThat(SoapMessages.text(answer, "exchangeId")).isEqualTo(RecordingIntake.EXCHANGE_ID);
        assertThat(Base64.getDecoder().decode(SoapMessages.text(answer, "receipt")))
                .isEqualTo(RecordingIntake.RECEIPT);
        assertThat(SoapMessages.text(answer, "repeated")).isEqualTo("false");
        assertThat(intake.submissions()).singleElement().satisfies(submission -> {
            assertThat(RecordingIntake.bytes(submission)).isEqualTo(envelope);
            assertThat(submission.tlsClientCertificate())
                    .isEqualTo(TestPki.shared().pki().tlsClient(TestPki.PK_MOI).certificate());
        });
    }

    @Test
    void inlineBase64FoldedIntoLinesIsAccepted() throws Exception {
        byte[] envelope = SoapExchangeClientTest.randomBytes(3_000);
        String folded = Base64.getMimeEncoder().encodeToString(envelope);

        HttpResponse<String> response = pkMoi().postSoap(SoapMessages.INLINE_REQUEST.formatted(folded));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(intake.submissions())
                .singleElement()
                .satisfies(submission ->
                        assertThat(RecordingIntake.bytes(submission)).isEqualTo(envelope));
    }

    @Test
    void handBuiltMtomRequestIsAcceptedWithAnMtomResponse() throws Exception {
        byte[] envelope = SoapExchangeClientTest.randomBytes(3_000);

        HttpResponse<String> response =
                pkMoi().postSoap(SoapMessages.MTOM_CONTENT_TYPE, SoapMessages.mtomRequest(envelope));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(
                        type -> assertThat(type).startsWith("multipart/related").contains("application/xop+xml"));
        Document answer = SoapMessages.parse(response.body());
        assertThat(SoapMessages.text(answer, "exchangeId")).isEqualTo(RecordingIntake.EXCHANGE_ID);
        assertThat(answer.getElementsByTagNameNS("http://www.w3.org/2004/08/xop/include", "Include")
                        .getLength())
                .isOne();
        // The receipt travels as a binary MIME part; the body was read as ISO-8859-1, one char per byte.
        assertThat(response.body()).contains(new String(RecordingIntake.RECEIPT, StandardCharsets.ISO_8859_1));
        assertThat(intake.submissions()).singleElement().satisfies(submission -> {
            assertThat(RecordingIntake.bytes(submission)).isEqualTo(envelope);
            assertThat(submission.tlsClientCertificate())
                    .isEqualTo(TestPki.shared().pki().tlsClient(TestPki.PK_MOI).certificate());
        });
    }
}
