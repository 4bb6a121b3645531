package dev.capflow.redis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Moves the answer generation of every basket computed from the history of some symbols ({@link AnswerGenerationKeys}),
 * in one Lua script on the keys of one hash slot. basket-service runs it when it reads a change entry; ingest-service
 * runs it too, before it acknowledges a history change, so that no cached answer from before the change is served
 * after the acknowledgement. Moving twice is harmless: a generation only has to differ from the one an answer was
 * cached under.
 */
public final class DependentGenerations {

    /**
     * KEYS[1] = the baskets set, KEYS[2..] = dependents sets; ARGV[1] = generation key prefix, ARGV[2] = a fresh value
     * for a missing generation, ARGV[3] = the generation key suffix. Returns how many generations moved.
     */
    static final String MOVE = """
            local moved = 0
            for i = 2, #KEYS do
              for _, id in ipairs(redis.call('SMEMBERS', KEYS[i])) do
                local key = ARGV[1] .. id .. ARGV[3]
                redis.call('SET', key, ARGV[2], 'NX')
                redis.call('INCR', key)
                redis.call('SADD', KEYS[1], id)
                moved = moved + 1
              end
            end
            return moved""";

    private DependentGenerations() {}

    /** The arguments of the EVAL that moves the generations of the baskets computed from {@code symbols}. */
    public static List<String> evalArguments(String prefix, Collection<String> symbols) {
        List<String> arguments = new ArrayList<>(symbols.size() + 6);
        arguments.add(MOVE);
        arguments.add(Integer.toString(symbols.size() + 1));
        arguments.add(AnswerGenerationKeys.baskets(prefix));
        symbols.forEach(symbol -> arguments.add(AnswerGenerationKeys.dependents(prefix, symbol)));
        arguments.add(AnswerGenerationKeys.generationPrefix(prefix));
        arguments.add(Long.toString(MissingGenerations.freshValue()));
        arguments.add(AnswerGenerationKeys.GENERATION_SUFFIX);
        return arguments;
    }
}
