package dev.capflow.redis;

import java.time.Duration;

/**
 * The pause of a price stream reader after a round that found nothing: {@code poll} while the stream was read from
 * within {@code idleAfter}, so a feed with short gaps gains no latency, and the longer {@code idlePoll} once it has
 * been quiet for that long, so an idle reader costs a few rounds a second instead of one per {@code poll}. The first
 * entry read brings {@code poll} back.
 */
public record StreamPolling(Duration poll, Duration idleAfter, Duration idlePoll) {

    /** The pause after an empty round, {@code sinceLastEntry} after the last round that read an entry. */
    public Duration pauseAfterEmptyRound(Duration sinceLastEntry) {
        return sinceLastEntry.compareTo(idleAfter) < 0 ? poll : idlePoll;
    }
}
