package dev.switchboard.engine.balance;

/**
 * 64-bit hash of an affinity key without allocating: FNV-1a over the UTF-16 chars, then the murmur3 finalizer so
 * that similar keys ("user-1", "user-2") spread over the whole range.
 */
public final class KeyHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private KeyHash() {
    }

    public static long hash(CharSequence key) {
        return hash(key, FNV_OFFSET);
    }

    public static long hash(CharSequence key, long seed) {
        long h = seed;
        for (int i = 0, n = key.length(); i < n; i++) {
            h ^= key.charAt(i);
            h *= FNV_PRIME;
        }
        return mix(h);
    }

    /** murmur3 fmix64. */
    public static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
