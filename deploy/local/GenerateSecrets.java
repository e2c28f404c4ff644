import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Run by ./tickitecking (java GenerateSecrets.java key|password) on first start, so no secret is ever
 * checked in: {@code key} prints a fresh RSA-2048 signing key as PKCS#8 PEM; {@code password} prints an
 * admin password that meets the password policy (8-15 characters, a letter, a digit, a special character).
 */
public class GenerateSecrets {

    private static final String LETTERS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SPECIALS = "!@#%^*-_+=";

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "key" -> System.out.print(privateKeyPem());
            case "password" -> System.out.println(password());
            default -> {
                System.err.println("usage: java GenerateSecrets.java key|password");
                System.exit(2);
            }
        }
    }

    private static String privateKeyPem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static String password() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        String all = LETTERS + DIGITS + SPECIALS;
        password.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        password.append(DIGITS.charAt(random.nextInt(DIGITS.length())));
        password.append(SPECIALS.charAt(random.nextInt(SPECIALS.length())));
        while (password.length() < 14) {
            password.append(all.charAt(random.nextInt(all.length())));
        }
        return password.toString();
    }
}
