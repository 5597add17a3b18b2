package io.seamline.gateway;

import com.helger.as2lib.cert.PredefinedCertificateFactory;
import com.helger.as2lib.client.AS2Client;
import com.helger.as2lib.client.AS2ClientRequest;
import com.helger.as2lib.client.AS2ClientResponse;
import com.helger.as2lib.client.AS2ClientSettings;
import com.helger.as2lib.crypto.ECompressionType;
import com.helger.as2lib.crypto.ECryptoAlgorithmCrypt;
import com.helger.as2lib.crypto.ECryptoAlgorithmSign;
import com.helger.as2lib.crypto.IMICMatchingHandler;
import com.helger.as2lib.disposition.DispositionOptions;
import com.helger.as2lib.message.IMessage;
import com.helger.as2lib.partner.SelfFillingPartnershipFactory;
import com.helger.as2lib.processor.DefaultMessageProcessor;
import com.helger.as2lib.processor.module.AbstractProcessorModule;
import com.helger.as2lib.processor.receiver.AS2ReceiverModule;
import com.helger.as2lib.processor.storage.IProcessorStorageModule;
import com.helger.as2lib.session.AS2Session;
import com.helger.security.keystore.EKeyStoreType;
import io.seamline.mappings.as2.KeyEntry;
import java.io.ByteArrayOutputStream;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A trading partner running an independent AS2 implementation — phax's as2-lib from Maven Central — against the
 * gateway: its client sends to our {@code /as2}; its receiver module takes our messages and answers with its MDNs.
 */
final class As2Partner implements AutoCloseable {

    static final String PASSWORD = "partner-secret";

    final String as2Id;
    private final KeyEntry key;
    private final X509Certificate ours;
    private AS2Session session;
    private int port;
    final List<byte[]> received = new CopyOnWriteArrayList<>();

    As2Partner(String as2Id, KeyEntry key, X509Certificate ours) {
        this.as2Id = as2Id;
        this.key = key;
        this.ours = ours;
    }

    /** The certificate the partner signs with (and we encrypt to). */
    X509Certificate certificate() {
        return key.certificate();
    }

    /** The partner's keystore as as2-lib reads it: its own key under its AS2 id, our certificate under ours. */
    byte[] keystore(KeyEntry signWith, X509Certificate encryptTo) {
        try {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, PASSWORD.toCharArray());
            store.setKeyEntry(
                    as2Id, signWith.key(), PASSWORD.toCharArray(), new Certificate[] {signWith.certificate()});
            store.setCertificateEntry("SEAMLINE", encryptTo);
            var out = new ByteArrayOutputStream();
            store.store(out, PASSWORD.toCharArray());
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** How one message goes out. */
    record Sending(
            ECryptoAlgorithmCrypt encrypt,
            ECryptoAlgorithmSign sign,
            boolean compress,
            String asyncMdnUrl,
            String messageId,
            KeyEntry signWith,
            X509Certificate encryptTo) {

        static Sending signedAndEncrypted() {
            return new Sending(
                    ECryptoAlgorithmCrypt.CRYPT_AES256_CBC,
                    ECryptoAlgorithmSign.DIGEST_SHA_256,
                    false,
                    null,
                    null,
                    null,
                    null);
        }

        Sending compressed() {
            return new Sending(encrypt, sign, true, asyncMdnUrl, messageId, signWith, encryptTo);
        }

        Sending asyncTo(String url) {
            return new Sending(encrypt, sign, compress, url, messageId, signWith, encryptTo);
        }

        Sending withMessageId(String id) {
            return new Sending(encrypt, sign, compress, asyncMdnUrl, id, signWith, encryptTo);
        }

        Sending signedBy(KeyEntry other) {
            return new Sending(encrypt, sign, compress, asyncMdnUrl, messageId, other, encryptTo);
        }

        Sending encryptedTo(X509Certificate other) {
            return new Sending(encrypt, sign, compress, asyncMdnUrl, messageId, signWith, other);
        }

        Sending unsigned() {
            return new Sending(encrypt, null, compress, asyncMdnUrl, messageId, signWith, encryptTo);
        }

        Sending unencrypted() {
            return new Sending(null, sign, compress, asyncMdnUrl, messageId, signWith, encryptTo);
        }
    }

    /** What as2-lib made of our answer: the MDN's disposition, and whether the MIC it returned was the one it expected. */
    record Sent(AS2ClientResponse response, Boolean micMatched) {

        String disposition() {
            return response.hasMDN() ? response.getMDNDisposition() : null;
        }
    }

    Sent send(String url, byte[] edi, Sending sending) {
        var settings = new AS2ClientSettings();
        settings.setKeyStore(
                EKeyStoreType.PKCS12,
                keystore(
                        sending.signWith() == null ? key : sending.signWith(),
                        sending.encryptTo() == null ? ours : sending.encryptTo()),
                PASSWORD);
        settings.setSenderData(as2Id, "edi@" + as2Id.toLowerCase(java.util.Locale.ROOT) + ".example", as2Id);
        settings.setReceiverData("SEAMLINE", "SEAMLINE", url);
        settings.setPartnershipName(as2Id + "-SEAMLINE");
        settings.setEncryptAndSign(sending.encrypt(), sending.sign());
        if (sending.compress()) {
            settings.setCompress(ECompressionType.ZLIB, true);
        }
        settings.setMDNRequested(true);
        settings.setMDNOptions(new DispositionOptions()
                .setProtocolImportance(DispositionOptions.IMPORTANCE_REQUIRED)
                .setProtocol(DispositionOptions.PROTOCOL_PKCS7_SIGNATURE)
                .setMICAlgImportance(DispositionOptions.IMPORTANCE_REQUIRED)
                .setMICAlg(ECryptoAlgorithmSign.DIGEST_SHA_256));
        if (sending.asyncMdnUrl() != null) {
            settings.setAsyncMDNUrl(sending.asyncMdnUrl());
        }
        if (sending.messageId() != null) {
            settings.setMessageIDFormat(sending.messageId());
        }
        settings.setRetryCount(0);
        var matched = new AtomicReference<Boolean>();
        settings.setMICMatchingHandler(new IMICMatchingHandler() {
            @Override
            public void onMICMatch(IMessage message, String mic) {
                matched.set(true);
            }

            @Override
            public void onMICMismatch(IMessage message, String originalMic, String receivedMic) {
                matched.set(false);
            }
        });
        var request = new AS2ClientRequest("EDI")
                .setData(edi)
                .setContentType("application/edi-x12")
                .setFilename("interchange.edi");
        AS2ClientResponse response = new AS2Client().sendSynchronous(settings, request);
        return new Sent(response, matched.get());
    }

    /** Starts the partner's AS2 server: it stores what arrives and answers with its MDNs. Returns its URL. */
    String listen() {
        try {
            port = PipelineGatewayIT.partnerPort();
            var store = KeyStore.getInstance("PKCS12");
            store.load(new java.io.ByteArrayInputStream(keystore(key, ours)), PASSWORD.toCharArray());
            var certificates = new PredefinedCertificateFactory(store);
            certificates.setPassword(PASSWORD);
            session = new AS2Session();
            certificates.initDynamicComponent(session, null);
            session.setCertificateFactory(certificates);
            session.setPartnershipFactory(new SelfFillingPartnershipFactory());
            var processor = new DefaultMessageProcessor();
            session.setMessageProcessor(processor);
            var receiver = new AS2ReceiverModule();
            receiver.setPort(port);
            receiver.initDynamicComponent(session, null);
            processor.addModule(receiver);
            // async MDNs go out through the sender module for MDNs
            var mdnSender = new com.helger.as2lib.processor.sender.AsynchMDNSenderModule();
            mdnSender.initDynamicComponent(session, null);
            processor.addModule(mdnSender);
            var storage = new Storage(received);
            storage.initDynamicComponent(session, null);
            processor.addModule(storage);
            processor.startActiveModules();
            return "http://127.0.0.1:" + port + "/as2";
        } catch (Exception e) {
            throw new IllegalStateException("the partner's AS2 server did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (session != null) {
            try {
                session.getMessageProcessor().stopActiveModules();
            } catch (Exception e) {
                // stopping a test server
            }
        }
    }

    /** as2-lib's storage step: keeps each payload it received. */
    private static final class Storage extends AbstractProcessorModule implements IProcessorStorageModule {

        private final List<byte[]> received;

        Storage(List<byte[]> received) {
            this.received = received;
        }

        @Override
        public boolean canHandle(String action, IMessage message, Map<String, Object> options) {
            return IProcessorStorageModule.DO_STORE.equals(action);
        }

        @Override
        public void handle(String action, IMessage message, Map<String, Object> options) {
            try (var in = message.getData().getInputStream()) {
                received.add(in.readAllBytes());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
