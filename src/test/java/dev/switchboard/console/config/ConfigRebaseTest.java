package dev.switchboard.console.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigRebaseTest {

    private static final String BASE = """
            { "a": { "weight": 1, "url": "x" }, "list": [ { "w": 1 }, { "w": 2 } ], "gone": true }""";

    @Test
    void changesOfDifferentValuesAreBothKept() {
        String mine = BASE.replace("\"weight\": 1", "\"weight\": 5");
        String theirs = BASE.replace("{ \"w\": 2 }", "{ \"w\": 9 }").replace(", \"gone\": true", "");

        ConfigRebase.Result r = ConfigRebase.rebase(BASE, mine, theirs);

        assertThat(r.text().replaceAll("\\s", "")).isEqualTo("{\"a\":{\"weight\":5,\"url\":\"x\"},\"list\":[{\"w\":1},{\"w\":9}]}");
        assertThat(r.conflicts()).isEmpty();
    }

    @Test
    void aValueBothChangedKeepsTheOperatorsAndIsNamed() {
        ConfigRebase.Result r = ConfigRebase.rebase(BASE, BASE.replace("\"x\"", "\"mine\""), BASE.replace("\"x\"", "\"theirs\""));

        assertThat(r.text()).contains("\"mine\"").doesNotContain("theirs");
        assertThat(r.conflicts()).containsExactly("/a/url");
    }

    @Test
    void anEditedTextThatIsNotJsonCannotBeRebased() {
        assertThatThrownBy(() -> ConfigRebase.rebase(BASE, "{ oops", BASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the edited text is not JSON");
    }
}
