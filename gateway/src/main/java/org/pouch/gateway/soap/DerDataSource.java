package org.pouch.gateway.soap;

import jakarta.activation.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * DER bytes as {@code application/pkcs7-mime}, the content type the WSDL expects for envelopes and
 * receipts; JAXB writes them inline as base64 or as an MTOM attachment. Activation's own byte array
 * handling needs a content handler registered for the type, which nobody registers for this one.
 */
final class DerDataSource implements DataSource {

    static final String CONTENT_TYPE = "application/pkcs7-mime";

    private final String name;
    private final byte[] der;

    DerDataSource(String name, byte[] der) {
        this.name = name;
        this.der = der.clone();
    }

    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(der);
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        throw new IOException("read only");
    }

    @Override
    public String getContentType() {
        return CONTENT_TYPE;
    }

    @Override
    public String getName() {
        return name;
    }
}
