package dev.switchboard.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackendUrlTest {

    @Test
    void parsesSchemeHostDefaultPortsAndBasePath() {
        assertThat(BackendUrl.parse("http://h/api/v1/")).isEqualTo(new BackendUrl("http", "h", 80, "/api/v1"));
        assertThat(BackendUrl.parse("https://h.test")).isEqualTo(new BackendUrl("https", "h.test", 443, ""));
        assertThat(BackendUrl.parse("http://h:8080/x").authority()).isEqualTo("h:8080");
        assertThat(BackendUrl.parse("https://h:443/x").authority()).isEqualTo("h");
        assertThatThrownBy(() -> BackendUrl.parse("ftp://h/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void joinsLikeApimWithoutDoubleSlashes() {
        BackendUrl url = BackendUrl.parse("http://h/api/v1");
        assertThat(url.requestTarget("/orders/7?x=1")).isEqualTo("/api/v1/orders/7?x=1");
        assertThat(BackendUrl.parse("http://h/api/v1/").requestTarget("/orders", "x=1")).isEqualTo("/api/v1/orders?x=1");
        assertThat(url.requestTarget("", null)).isEqualTo("/api/v1");
        assertThat(url.requestTarget("orders", "")).isEqualTo("/api/v1/orders");
        assertThat(BackendUrl.parse("http://h").requestTarget("", "a=b")).isEqualTo("/?a=b");
        assertThat(BackendUrl.parse("http://h/").requestTarget("/x", null)).isEqualTo("/x");
        assertThat(BackendUrl.parse("http://h").requestTarget("/", "")).isEqualTo("/");
        assertThat(BackendUrl.parse("http://h").requestTarget("/x/y", "q=1")).isEqualTo("/x/y?q=1");
        assertThat(BackendUrl.parse("http://h").requestTarget("x", null)).isEqualTo("/x");
    }
}
