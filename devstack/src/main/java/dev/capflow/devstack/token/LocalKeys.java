package dev.capflow.devstack.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The local platform's signing key pair, made once in a directory ({@code .capflow/keys/}, never committed):
 * {@code private.pem} (PKCS#8, readable by the owner only) signs tokens, {@code public.pem} (X.509) is given to the
 * gateway.
 */
public final class LocalKeys {

    public static final String PRIVATE_FILE = "private.pem";
    public static final String PUBLIC_FILE = "public.pem";

    private LocalKeys() {}

    /** Makes the key pair in {@code dir} unless it is there; answers whether it made one. */
    public static boolean ensure(Path dir) throws IOException, GeneralSecurityException {
        if (Files.exists(dir.resolve(PRIVATE_FILE)) && Files.exists(dir.resolve(PUBLIC_FILE))) {
            return false;
        }
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Files.deleteIfExists(privateFile);
        Files.createFile(privateFile);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(
                dir.resolve(PUBLIC_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        return true;
    }

    /** The private key of {@code dir}. */
    public static PrivateKey privateKey(Path dir) throws IOException, GeneralSecurityException {
        byte[] der = der(Files.readString(dir.resolve(PRIVATE_FILE), StandardCharsets.US_ASCII));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** The public key of {@code dir}. */
    public static PublicKey publicKey(Path dir) throws IOException, GeneralSecurityException {
        byte[] der = der(Files.readString(dir.resolve(PUBLIC_FILE), StandardCharsets.US_ASCII));
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", ""));
    }
}
