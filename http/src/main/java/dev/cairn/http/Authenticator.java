package dev.cairn.http;

/**
 * Turns a request's bearer token into the {@link Principal} it acts as. {@link BearerTokens}
 * verifies signed JWTs; an application may plug in its own.
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * @param token the credentials after {@code Bearer }, never null or blank
     * @throws InvalidTokenException when the token is not accepted; its message says why (never the token itself)
     */
    Principal authenticate(String token) throws InvalidTokenException;

    /** A refused token; answered {@code 401 UNAUTHENTICATED}. */
    final class InvalidTokenException extends Exception {
        public InvalidTokenException(String message) {
            super(message, null, false, false);
        }
    }
}
