package dev.switchboard.apim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Raw policy text (unescaped quotes and && in expressions, named values) parses with exact positions. */
class PolicyXmlTest {

    @Test
    void expressionsWithQuotesParseAndPositionsStayInTheOriginalText() {
        String policy = "<policies>\n  <inbound>\n"
                + "    <choose><when condition=\"@(context.Request.Headers.GetValueOrDefault(\"A\",\"\") == \"x\" && true)\"><set-header name=\"{{h}}\"><value>{{v}}</value></set-header></when></choose>\n"
                + "  </inbound>\n</policies>";
        PolicyXml.Parsed parsed = PolicyXml.parse(policy, SourceRef.file("p.xml"), Map.of("h", "X-\"Quoted\"", "v", "a<b"));
        assertThat(parsed.error()).isNull();
        PolicyNode when = parsed.root().child("inbound").child("choose").child("when");
        assertThat(when.attribute("condition")).isEqualTo("@(context.Request.Headers.GetValueOrDefault(\"A\",\"\") == \"x\" && true)");
        assertThat(when.source()).hasToString("p.xml:3:13");
        PolicyNode header = when.child("set-header");
        assertThat(header.source()).hasToString("p.xml:3:" + (policy.lines().toList().get(2).indexOf("<set-header") + 1));
        assertThat(header.attribute("name")).isEqualTo("X-\"Quoted\"");
        assertThat(header.child("value").text()).isEqualTo("a<b");
    }

    @Test
    void missingNamedValuesAndSyntaxErrorsSayWhere() {
        PolicyXml.Parsed parsed = PolicyXml.parse("<policies>\n  <inbound>\n    <x a=\"{{nope}}\">\n  </inbound>\n</policies>",
                SourceRef.json("t.json", "resources[1].properties.value"), Map.of());
        assertThat(parsed.missing()).extracting(m -> m.name() + "@" + m.at()).containsExactly("nope@t.json#resources[1].properties.value:3:11");
        assertThat(parsed.root()).isNull();
        assertThat(parsed.errorAt().line()).isEqualTo(4);
        assertThat(parsed.error()).isEqualTo("The element type \"x\" must be terminated by the matching end-tag \"</x>\".");
    }

    @Test
    void aDoctypeIsRefusedWhereItStandsSoNoEntityIsEverRead() {
        PolicyXml.Parsed parsed = PolicyXml.parse("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                + "<policies><inbound><set-header name=\"X\"><value>&e;</value></set-header></inbound></policies>",
                SourceRef.file("p.xml"), Map.of());
        assertThat(parsed.root()).isNull();
        assertThat(parsed.errorAt()).hasToString("p.xml:2:1");
        assertThat(parsed.error()).contains("DOCTYPE");
    }

    @Test
    void anExpressionNeverClosedIsReportedWhereItOpens() {
        PolicyXml.Parsed parsed = PolicyXml.parse("<policies>\n  <inbound>\n    <choose><when condition=\"@(context.Request.Method == (\">\n"
                + "      <set-backend-service backend-id=\"b1\" />\n    </when></choose>\n  </inbound>\n</policies>\n",
                SourceRef.file("p.xml"), Map.of());
        assertThat(parsed.root()).isNull();
        assertThat(parsed.errorAt()).hasToString("p.xml:3:30");
        assertThat(parsed.error()).contains("@(").contains("never closed");
    }
}
