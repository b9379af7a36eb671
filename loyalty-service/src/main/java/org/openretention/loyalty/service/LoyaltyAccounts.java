package org.openretention.loyalty.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.loyalty.member.MemberStore;
import org.openretention.loyalty.member.MemberReader;
import org.openretention.loyalty.member.MemberSession;
import org.openretention.loyalty.program.Programme;
import org.openretention.loyalty.program.ProgrammeRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Members as the API sees them: read as of now, or changed in a transaction of their own (redemptions,
 * adjustments), with the same locks, rules and outbox as event intake.
 */
@ApplicationScoped
public class LoyaltyAccounts {

    private final MemberStore store;
    private final MemberReader reader;
    private final ProgrammeRepository programmes;
    private final LoyaltyIntake intake;
    private final Clock clock;

    @Inject
    public LoyaltyAccounts(MemberStore store, MemberReader reader, ProgrammeRepository programmes, LoyaltyIntake intake, Clock clock) {
        this.store = store;
        this.reader = reader;
        this.programmes = programmes;
        this.intake = intake;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * The member brought to now, without saving anything; empty when the programme does not know the customer.
     * No transaction and no locks: {@link MemberReader} reads the member in one round trip on a connection in
     * autocommit mode, each query seeing the latest committed state, as in a READ COMMITTED transaction.
     */
    public Optional<MemberSession> read(String customerId) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        // reads show the programme as of a few seconds ago at most; writes always apply it as it stands
        Programme programme = programmes.recent();
        Optional<MemberSession> session = reader.read(customerId, ordersSince(now, programme), programme);
        session.ifPresent(s -> s.advanceTo(now));
        return session;
    }

    /**
     * Applies {@code change} to the member brought to now, in a new transaction, and saves and publishes the
     * result. {@code change} runs only for a known member; the result is empty otherwise.
     */
    public <T> Optional<T> change(String customerId, Function<MemberSession, T> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            Optional<MemberSession> session = load(customerId, now);
            if (session.isEmpty()) {
                return Optional.empty();
            }
            session.get().advanceTo(now);
            T result = change.apply(session.get());
            intake.save(List.of(session.get()));
            return Optional.ofNullable(result);
        });
    }

    private Optional<MemberSession> load(String customerId, Instant now) {
        Programme programme = programmes.current();
        return Optional.ofNullable(store.load(List.of(customerId), ordersSince(now, programme), Map.of(),
                now.atZone(programme.zone()).toLocalDate(), programme).get(customerId));
    }

    /** Orders far enough back for every rule that bringing a member to {@code now} may apply. */
    private static Instant ordersSince(Instant now, Programme programme) {
        return now.atZone(programme.zone()).minusMonths(MemberStore.ORDER_HORIZON_MONTHS).toInstant();
    }
}
