package org.pouch.gateway.soap;

import java.util.Locale;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Answers MTOM with MTOM and plain SOAP with plain SOAP. CXF on its own answers every request with MTOM
 * once an endpoint has it enabled, which a client that sent inline base64 (PHP's SoapClient, a shell
 * script, many older stacks) may not be able to read.
 */
final class MtomLikeTheRequest extends AbstractPhaseInterceptor<Message> {

    MtomLikeTheRequest() {
        // Before the data binding decides, at marshalling, whether to write attachments.
        super(Phase.SETUP);
    }

    @Override
    public void handleMessage(Message message) {
        message.put(Message.MTOM_ENABLED, requestWasMtom(message.getExchange()));
    }

    private static boolean requestWasMtom(Exchange exchange) {
        Message request = exchange == null ? null : exchange.getInMessage();
        Object contentType = request == null ? null : request.get(Message.CONTENT_TYPE);
        if (contentType == null) {
            return false;
        }
        String type = contentType.toString().toLowerCase(Locale.ROOT);
        return type.startsWith("multipart/related") && type.contains("application/xop+xml");
    }
}
