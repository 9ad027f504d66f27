package dev.cairn.restaurant.app.auth;

import dev.cairn.core.store.EventStore;
import dev.cairn.http.HttpContext;
import dev.cairn.http.HttpProblem;
import dev.cairn.http.InstallationKey;
import dev.cairn.http.Routes;
import dev.cairn.restaurant.contracts.Streams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code POST /api/tokens}: the admin hands out a token to act as a consumer, restaurant or
 * courier (or another admin token). The party must exist: its registration stream is in the log,
 * which every process can read whichever contexts it runs.
 */
public final class TokensRoutes implements HttpContext {

    /** {@code POST /api/tokens}. */
    public record TokenBody(String role, Optional<String> id, Optional<Long> ttlSeconds) {
        public TokenBody {
            if (!role.equals(Roles.ADMIN)
                    && !role.equals(Roles.CONSUMER)
                    && !role.equals(Roles.RESTAURANT)
                    && !role.equals(Roles.COURIER)) {
                throw new IllegalArgumentException(
                        "role must be admin, consumer, restaurant or courier, was '" + role + "'");
            }
            if (role.equals(Roles.ADMIN) && id.isPresent()) {
                throw new IllegalArgumentException("id must be absent for the role admin");
            }
            if (!role.equals(Roles.ADMIN)
                    && id.filter(value -> !value.isBlank()).isEmpty()) {
                throw new IllegalArgumentException(
                        "id is required for the role " + role + ": the " + role + " the token acts for");
            }
            if (ttlSeconds.isPresent() && (ttlSeconds.get() < 1 || ttlSeconds.get() > MAX_TTL.toSeconds())) {
                throw new IllegalArgumentException(
                        "ttlSeconds must be from 1 to " + MAX_TTL.toSeconds() + " (24 h), was " + ttlSeconds.get());
            }
        }
    }

    /** The answer: the token and when it expires. */
    public record IssuedToken(String token, Instant expiresAt) {}

    static final Duration MAX_TTL = Duration.ofHours(24);
    static final Duration DEFAULT_TTL = Duration.ofHours(8);

    private final EventStore store;
    private final Optional<InstallationKey> key;
    private final Clock clock;

    public TokensRoutes(EventStore store, Optional<InstallationKey> key, Clock clock) {
        this.store = store;
        this.key = key;
        this.clock = clock;
    }

    @Override
    public void register(Routes routes) {
        routes.action("/api/tokens", Roles.ADMIN_ONLY, TokenBody.class, 201, (body, call) -> {
            InstallationKey signer = key.orElseThrow(() -> new HttpProblem(
                    409,
                    "TOKENS_ISSUED_ELSEWHERE",
                    "this installation trusts an external identity provider, which issues the tokens"));
            String subject = body.id().orElse(call.principal().subject());
            body.id().ifPresent(id -> requireExists(body.role(), id));
            Duration ttl = body.ttlSeconds().map(Duration::ofSeconds).orElse(DEFAULT_TTL);
            Instant now = clock.instant();
            String token = signer.issue(subject, body.role(), body.id(), ttl, now);
            return new IssuedToken(token, now.plus(ttl));
        });
    }

    private void requireExists(String role, String id) {
        String stream = switch (role) {
            case Roles.CONSUMER -> Streams.consumer(id);
            case Roles.RESTAURANT -> Streams.restaurant(id);
            default -> Streams.courier(id);
        };
        if (store.streamVersion(stream) < 0) {
            throw HttpProblem.notFound("there is no " + role + " " + id);
        }
    }
}
