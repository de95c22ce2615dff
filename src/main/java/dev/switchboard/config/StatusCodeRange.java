package dev.switchboard.config;

import java.util.List;

/** APIM's {@code {min, max}} status range, both ends inclusive. */
public record StatusCodeRange(int min, int max) {

    public boolean contains(int status) {
        return status >= min && status <= max;
    }

    public static boolean anyContains(List<StatusCodeRange> ranges, int status) {
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).contains(status)) {
                return true;
            }
        }
        return false;
    }
}
