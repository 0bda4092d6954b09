package org.pouch.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pouch.testing.TestPki.GATEWAY;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pouch.certificates.BouncyCastleProviders;
import org.pouch.certificates.Credential;
import org.pouch.certificates.KeySuite;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.ExchangeDocumentCodec;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPki;

/** What a sealed envelope looks like on the wire, field by field, as docs/envelope-profile.md states it. */
class EnvelopeProfileTest {

    private static final Instant SIGNING_TIME = Instant.parse("2026-11-27T10:15:30Z");

    private final TestPki pki = TestPki.shared();

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeySuite.class)
    void sealedEnvelopeHasTheProfileShape(KeySuite suite) throws Exception {
        Credential signer = pki.signing(PK_MOI, suite);
        Credential recipient = pki.encryption(GATEWAY, suite);
        ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);
        byte[] envelope = new EnvelopeSealer(() -> signer, Clock.fixed(SIGNING_TIME, ZoneOffset.UTC))
                .seal(document, recipient.certificate());

        // Outer: DER AuthEnvelopedData, AES-256-GCM with a 16-byte tag, no authenticated attributes.
        assertThat(ASN1Primitive.fromByteArray(envelope).getEncoded(ASN1Encoding.DER))
                .isEqualTo(envelope);
        ContentInfo outer = ContentInfo.getInstance(envelope);
        assertThat(outer.getContentType()).isEqualTo(CMSObjectIdentifiers.authEnvelopedData);
        AuthEnvelopedData authEnveloped = AuthEnvelopedData.getInstance(outer.getContent());
        assertThat(authEnveloped.getAuthAttrs()).isNull();
        assertThat(authEnveloped.getMac().getOctets()).hasSize(16);
        assertThat(authEnveloped.getAuthEncryptedContentInfo().getContentType()).isEqualTo(CMSObjectIdentifiers.data);
        CMSAuthEnvelopedData parsed = new CMSAuthEnvelopedData(outer);
        assertThat(parsed.getEncryptionAlgOID()).isEqualTo(CMSAlgorithm.AES256_GCM.getId());

        // One recipient, with the key transport the recipient's key type calls for.
        assertThat(parsed.getRecipientInfos().size()).isEqualTo(1);
        RecipientInformation recipientInfo =
                parsed.getRecipientInfos().getRecipients().iterator().next();
        if (suite == KeySuite.EC_P256) {
            assertThat(recipientInfo.getKeyEncryptionAlgOID()).isEqualTo(CMSAlgorithm.ECDH_SHA256KDF.getId());
        } else {
            assertThat(recipientInfo.getKeyEncryptionAlgOID()).isEqualTo(PKCSObjectIdentifiers.id_RSAES_OAEP.getId());
        }

        // Inner: the DER ContentInfo of a SignedData with the canonical document attached.
        byte[] inner = recipientInfo.getContent(
                suite == KeySuite.EC_P256
                        ? JdkGcmRecipients.keyAgreement(recipient.privateKey(), BouncyCastleProviders.symmetric())
                        : JdkGcmRecipients.keyTransport(recipient.privateKey(), BouncyCastleProviders.symmetric()));
        CMSSignedData signed = new CMSSignedData(ContentInfo.getInstance(inner));
        assertThat(signed.getSignedContentTypeOID()).isEqualTo(CMSObjectIdentifiers.data.getId());
        assertThat((byte[]) signed.getSignedContent().getContent()).isEqualTo(ExchangeDocumentCodec.encode(document));
        SignerInformation signerInfo =
                signed.getSignerInfos().getSigners().iterator().next();
        assertThat(signerInfo.getDigestAlgOID()).isEqualTo(NISTObjectIdentifiers.id_sha256.getId());
        assertThat(signerInfo.getEncryptionAlgOID())
                .isEqualTo(
                        suite == KeySuite.EC_P256
                                ? X9ObjectIdentifiers.ecdsa_with_SHA256.getId()
                                : PKCSObjectIdentifiers.id_RSASSA_PSS.getId());
        assertThat(signerInfo.getSignedAttributes().toHashtable())
                .containsKeys(
                        CMSAttributes.contentType,
                        CMSAttributes.messageDigest,
                        CMSAttributes.signingTime,
                        CMSAttributes.cmsAlgorithmProtect);
        Date signingTime = Time.getInstance(signerInfo
                        .getSignedAttributes()
                        .get(CMSAttributes.signingTime)
                        .getAttrValues()
                        .getObjectAt(0))
                .getDate();
        assertThat(signingTime.toInstant()).isEqualTo(SIGNING_TIME);

        // The signer's certificate and its issuing CA travel with the signature; the root does not.
        assertThat(signed.getCertificates().getMatches(null))
                .extracting(holder -> holder.getSerialNumber())
                .containsExactlyInAnyOrder(
                        signer.certificate().getSerialNumber(),
                        pki.pki().issuingAuthority().certificate().getSerialNumber());
    }
}
