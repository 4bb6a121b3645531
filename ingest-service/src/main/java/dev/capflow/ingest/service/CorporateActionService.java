package dev.capflow.ingest.service;

import dev.capflow.errors.AlreadyExistsException;
import dev.capflow.ingest.domain.CorporateAction;
import dev.capflow.ingest.domain.CorporateActionKey;
import dev.capflow.ingest.domain.CorporateActionKind;
import dev.capflow.ingest.domain.UnknownCorporateActionException;
import dev.capflow.ingest.repository.BarRepository;
import dev.capflow.ingest.repository.CorporateActionEntity;
import dev.capflow.ingest.repository.CorporateActionRepository;
import dev.capflow.ingest.repository.HistoryChangeOutbox;
import dev.capflow.redis.PriceStreamEntries;
import dev.capflow.validation.InvalidRequestException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Records splits and dividends, idempotently on (symbol, ex-date, kind), and deletes them to correct one. */
@ApplicationScoped
public class CorporateActionService {

    /** How errors name a corporate action (google.rpc.ResourceInfo resource_type; its name is symbol, ex-date, kind). */
    static final String CORPORATE_ACTION = "capflow.ingest.v1.CorporateAction";

    /** The stored action and whether this call recorded it. */
    public record Added(CorporateAction action, boolean created) {}

    /** The bounds of the product of a symbol's split ratios. */
    static final double MIN_COMPOUND_SPLIT = 1e-8;

    static final double MAX_COMPOUND_SPLIT = 1e8;

    private final InstrumentService instruments;
    private final CorporateActionRepository actions;
    private final BarRepository bars;
    private final HistoryChangeOutbox outbox;

    public CorporateActionService(
            InstrumentService instruments,
            CorporateActionRepository actions,
            BarRepository bars,
            HistoryChangeOutbox outbox) {
        this.instruments = instruments;
        this.actions = actions;
        this.bars = bars;
        this.outbox = outbox;
    }

    /**
     * Records a validated action, with its change entry in the {@link HistoryChangeOutbox} (the same transaction).
     * The same action again is a no-op ({@code created} false); another
     * value for the same symbol, ex-date and kind is a {@link AlreadyExistsException}. A dividend must be
     * below the close of the last stored bar before its ex-date; the symbol's bar writes wait until it is recorded.
     */
    @WithTransaction
    public Uni<Added> add(CorporateAction action) {
        return instruments
                .requireKnown(List.of(action.symbol()))
                .chain(() -> actions.findOne(action.symbol(), action.exDate(), action.kind()))
                .chain(existing -> {
                    if (existing != null) {
                        CorporateAction stored = existing.toDomain();
                        return stored.value() == action.value()
                                ? Uni.createFrom().item(new Added(stored, false))
                                : Uni.createFrom()
                                        .failure(new AlreadyExistsException(
                                                CORPORATE_ACTION,
                                                action.symbol() + " " + action.exDate() + " " + action.kind(),
                                                "a " + action.kind() + " of " + action.symbol() + " on "
                                                        + action.exDate() + " is already recorded with "
                                                        + (action.kind() == CorporateActionKind.SPLIT
                                                                ? "ratio "
                                                                : "amount ")
                                                        + stored.value()));
                    }
                    return checkDividend(action)
                            .chain(() -> checkCompoundSplits(action))
                            .chain(() -> actions.persistAndFlush(CorporateActionEntity.of(action)))
                            .call(() -> announced(action.symbol()))
                            .map(entity -> new Added(entity.toDomain(), true));
                });
    }

    /**
     * Deletes the action recorded under {@code key} (recording its change entry) and returns it; {@link UnknownCorporateActionException} if none, also
     * when a concurrent delete removed it first. One statement, not Hibernate Reactive's entity delete, which keeps one
     * pending result per entity type: of two actions deleted at once, one could wait until its deadline with its
     * transaction open (docs/decisions.md).
     */
    @WithTransaction
    public Uni<CorporateAction> delete(CorporateActionKey key) {
        return instruments
                .requireKnown(List.of(key.symbol()))
                .chain(() -> actions.findOne(key.symbol(), key.exDate(), key.kind()))
                .chain(existing -> existing == null
                        ? Uni.createFrom().failure(new UnknownCorporateActionException(key))
                        : actions.delete("id = ?1", existing.id)
                                .chain(count -> count > 0
                                        ? announced(key.symbol()).replaceWith(existing.toDomain())
                                        : Uni.createFrom().failure(new UnknownCorporateActionException(key))));
    }

    /** Records the change entry of {@code symbol}'s changed actions, to commit with the change. */
    private Uni<Void> announced(String symbol) {
        return outbox.recordInSession(PriceStreamEntries.CORPORATE_ACTION, symbol);
    }

    /** The actions of a registered symbol, oldest ex-date first. */
    @WithSession
    public Uni<List<CorporateAction>> list(String symbol) {
        return instruments
                .requireKnown(List.of(symbol))
                .chain(() -> actions.forSymbols(List.of(symbol)))
                .map(entities ->
                        entities.stream().map(CorporateActionEntity::toDomain).toList());
    }

    /**
     * The splits of a symbol compound: each ratio is bounded, and so is their product (1e-8 to 1e8, against 480 for
     * NVDA's splits since 1999), so that no split-adjusted price leaves the range a double represents exactly enough.
     */
    private Uni<Void> checkCompoundSplits(CorporateAction action) {
        if (action.kind() != CorporateActionKind.SPLIT) {
            return Uni.createFrom().voidItem();
        }
        return actions.forSymbols(List.of(action.symbol())).chain(recorded -> {
            double product = action.value();
            for (CorporateActionEntity entity : recorded) {
                if (entity.kind == CorporateActionKind.SPLIT) {
                    product *= entity.ratio;
                }
            }
            if (!(product >= MIN_COMPOUND_SPLIT && product <= MAX_COMPOUND_SPLIT)) {
                return Uni.createFrom()
                        .failure(new InvalidRequestException(
                                "action.ratio",
                                "the splits of "
                                        + action.symbol() + " would compound to " + product + ", outside "
                                        + MIN_COMPOUND_SPLIT
                                        + " to " + MAX_COMPOUND_SPLIT));
            }
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> checkDividend(CorporateAction action) {
        if (action.kind() != CorporateActionKind.DIVIDEND) {
            return Uni.createFrom().voidItem();
        }
        return actions.holdDividendLock(action.symbol())
                .chain(() -> bars.lastCloseBefore(action.symbol(), action.exDate()))
                .chain(close -> {
                    if (close.isPresent() && action.value() >= close.get()) {
                        return Uni.createFrom()
                                .failure(new InvalidRequestException(
                                        "action.amount",
                                        "dividend " + action.value() + " is not below the close " + close.get()
                                                + " of the last bar before the ex-date"));
                    }
                    return Uni.createFrom().voidItem();
                });
    }
}
