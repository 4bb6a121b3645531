package dev.capflow.grpc.errors;

/**
 * Status messages as every client shows them: grpc-java percent-encodes '%' and every character outside printable
 * ASCII in the grpc-message header, and some clients (Node's among them) show the encoded text. So a message keeps
 * only printable ASCII; the exact values are in the status details.
 */
public final class PrintableMessages {

    private PrintableMessages() {}

    /** {@code message} with line breaks and tabs as spaces, '%' as "pct" and any other non-printable-ASCII as '?'. */
    public static String of(String message) {
        if (message == null || isPrintable(message)) {
            return message;
        }
        StringBuilder printable = new StringBuilder(message.length());
        message.codePoints().forEach(c -> {
            if (c == '%') {
                printable.append("pct");
            } else if (c == '\n' || c == '\r' || c == '\t') {
                printable.append(' ');
            } else {
                printable.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
            }
        });
        return printable.toString();
    }

    private static boolean isPrintable(String message) {
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '%') {
                return false;
            }
        }
        return true;
    }
}
