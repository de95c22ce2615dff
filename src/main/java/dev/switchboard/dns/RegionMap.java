package dev.switchboard.dns;

import dev.switchboard.config.Cidr;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Geographic routing's client subnets: the longest matching subnet names the client's region. */
final class RegionMap {

    private record Entry(Cidr subnet, String region) {
    }

    private final Entry[] entries;

    RegionMap(Map<String, List<String>> regions) {
        List<Entry> all = new ArrayList<>();
        regions.forEach((region, subnets) -> subnets.forEach(s -> all.add(new Entry(Cidr.parse(s), region))));
        all.sort(Comparator.comparingInt((Entry e) -> e.subnet().prefix()).reversed());
        this.entries = all.toArray(Entry[]::new);
    }

    /** The client's region, or {@code fallback} when no subnet holds it. */
    String regionOf(InetAddress client, String fallback) {
        for (Entry e : entries) {
            if (e.subnet().contains(client)) {
                return e.region();
            }
        }
        return fallback;
    }
}
