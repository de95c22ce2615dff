package dev.switchboard.fleet;

/**
 * The fleet's config as etcd holds it.
 *
 * @param json     the config text
 * @param revision mod revision of the config key: what {@code --expect-revision} names
 * @param version  the key's version: how many pushes and rollbacks made it
 * @param hash     {@link ConfigTexts#hash} of the text
 */
public record StoredConfig(String json, long revision, long version, String hash) {
}
