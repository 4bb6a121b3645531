package dev.capflow.heap;

/**
 * Tells when a process has turned idle, from how much it allocated in each of a series of equal sampling intervals:
 * once {@code quietSamplesNeeded} intervals in a row each allocated at most {@code quietBytesPerSample}, it answers
 * true, once; it answers true again only after an interval that allocated more (work) and a new quiet run. A process
 * that never worked since its start is idle from its start, so its first quiet run counts as well.
 */
public final class IdlePeriods {

    private final long quietBytesPerSample;
    private final int quietSamplesNeeded;
    private int quietRun;
    private boolean handled;

    public IdlePeriods(long quietBytesPerSample, int quietSamplesNeeded) {
        if (quietBytesPerSample < 0 || quietSamplesNeeded < 1) {
            throw new IllegalArgumentException("a quiet sample allocates at least 0 bytes and an idle period needs at"
                    + " least one: " + quietBytesPerSample + ", " + quietSamplesNeeded);
        }
        this.quietBytesPerSample = quietBytesPerSample;
        this.quietSamplesNeeded = quietSamplesNeeded;
    }

    /** Takes one interval's allocated bytes; true when this interval completes the quiet run of a new idle period. */
    public boolean turnedIdle(long allocatedBytes) {
        if (allocatedBytes > quietBytesPerSample) {
            quietRun = 0;
            handled = false;
            return false;
        }
        quietRun = Math.min(quietRun + 1, quietSamplesNeeded);
        if (handled || quietRun < quietSamplesNeeded) {
            return false;
        }
        handled = true;
        return true;
    }
}
