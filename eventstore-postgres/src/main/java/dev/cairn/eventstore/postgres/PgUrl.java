package dev.cairn.eventstore.postgres;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL JDBC URL as an operator gives it, which may hold a password: the password masked
 * for anything printed or thrown, and taken from the environment when the URL has none, so it
 * need not be on a command line that {@code ps} shows to every user.
 */
public final class PgUrl {

    /** Printed instead of a password. */
    public static final String MASK = "****";
    /** Read first; then libpq's own variable, which PostgreSQL users already set. */
    public static final String PASSWORD_VARIABLES = "CAIRN_PG_PASSWORD, PGPASSWORD";

    // password=… as a parameter (after ? & or ;), up to the next separator; and user:password@ in the authority.
    private static final Pattern PARAMETER = Pattern.compile("(?i)([?&;]password=)([^&;#]*)");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?]*:)([^@/?]*)(@)");

    private PgUrl() {}

    /** {@code url} with every password replaced by {@link #MASK}; null stays null. */
    public static String masked(String url) {
        if (url == null) {
            return null;
        }
        String parameters = PARAMETER.matcher(url).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return USER_INFO.matcher(parameters).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + m.group(3)));
    }

    /** The password the URL holds, decoded, if any. */
    public static Optional<String> password(String url) {
        Matcher parameter = PARAMETER.matcher(Objects.requireNonNull(url, "url"));
        if (parameter.find() && !parameter.group(2).isEmpty()) {
            return Optional.of(URLDecoder.decode(parameter.group(2), StandardCharsets.UTF_8));
        }
        Matcher userInfo = USER_INFO.matcher(url);
        return userInfo.find() && !userInfo.group(2).isEmpty() ? Optional.of(userInfo.group(2)) : Optional.empty();
    }

    /**
     * {@code url}, with {@code password=} from {@code CAIRN_PG_PASSWORD} or else {@code PGPASSWORD}
     * added when it names none (a password in the URL wins).
     */
    public static String withPasswordFromEnvironment(String url, Map<String, String> environment) {
        Objects.requireNonNull(url, "url");
        if (password(url).isPresent()) {
            return url;
        }
        Optional<String> fromEnvironment = Optional.ofNullable(environment.get("CAIRN_PG_PASSWORD"))
                .filter(p -> !p.isEmpty())
                .or(() -> Optional.ofNullable(environment.get("PGPASSWORD")).filter(p -> !p.isEmpty()));
        return fromEnvironment
                .map(password -> url + (url.contains("?") ? "&" : "?") + "password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8))
                .orElse(url);
    }

    /** {@code text} (an error message, a log line) with the URL's password masked wherever it appears, raw or encoded. */
    public static String scrub(String text, String url) {
        if (text == null || url == null) {
            return text;
        }
        String scrubbed = masked(text);
        Optional<String> password = password(url);
        if (password.isPresent()) {
            scrubbed = scrubbed.replace(password.get(), MASK)
                    .replace(URLEncoder.encode(password.get(), StandardCharsets.UTF_8), MASK);
        }
        return scrubbed;
    }

    /**
     * {@code failure} as it may be shown: itself when no message in its chain holds the password,
     * otherwise an exception of the same kind of trouble carrying the scrubbed messages and no cause
     * (a cause would print the password in a stack trace).
     */
    public static RuntimeException scrubbed(RuntimeException failure, String url) {
        StringBuilder messages = new StringBuilder();
        boolean leaks = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            leaks |= !scrub(message, url).equals(message);
            messages.append(messages.isEmpty() ? "" : "; caused by ")
                    .append(t.getClass().getSimpleName())
                    .append(": ")
                    .append(message);
        }
        return leaks ? new IllegalStateException(scrub(messages.toString(), url)) : failure;
    }
}
