package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathNormaliserTest {

    @ParameterizedTest
    @CsvSource({
            "/nr/items,             /nr/items",
            "/nr/file.json,         /nr/file.json",
            "/nr/a%2Fb,             /nr/a%2Fb",
            "/nr/a%20b/c,           /nr/a%20b/c",
            "/nr/../secret,         /secret",
            "/nr/%2e%2e/secret,     /secret",
            "/nr/%2E%2e/secret,     /secret",
            "/nr/.%2e/secret,       /secret",
            "/nr/..%2fsecret,       /secret",
            "/nr/..%2Fsecret,       /secret",
            "/nr/..;/secret,        /secret",
            "/nr/..;jsessionid=1/x, /x",
            "/nr/x/../../etc/passwd, /etc/passwd",
            "/nr/x/../y,            /nr/y",
            "/nr/./y,               /nr/y",
            "/nr/x/..,              /nr/",
            "/nr/.,                 /nr/",
            "/nr//x/../y,           /nr//y",
            "/nr/x/../a%2fb,        /nr/a/b",
            "/nr/.hidden,           /nr/.hidden",
            "/nr/...,               /nr/..."
    })
    void resolvesDotSegmentsIncludingHiddenOnes(String raw, String expected) {
        assertThat(PathNormaliser.normalise(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"/..", "/../x", "/nr/../../x", "/%2e%2e/x", "/nr/..%2f..%2fx"})
    void climbingAboveTheRootIsRefused(String raw) {
        assertThat(PathNormaliser.normalise(raw)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "/nr/%2e%2e/secret,   /nr/../secret",
            "/nr/..;/secret,      /nr/../secret",
            "/nr..%2fsecret,      /nr../secret",
            "/nr%2f..%2fsecret,   /nr/../secret"
    })
    void decodedKeepsTheDotSegmentsTheClientWrote(String raw, String expected) {
        assertThat(PathNormaliser.decoded(raw)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void anUnchangedPathIsTheSameInstance() {
        String raw = "/nr/items/7.json";
        assertThat(PathNormaliser.normalise(raw)).isSameAs(raw);
    }
}
