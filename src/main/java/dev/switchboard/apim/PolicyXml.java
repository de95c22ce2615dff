package dev.switchboard.apim;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses a policy document with StAX into {@link PolicyNode}s that know the line and column where each element
 * starts in the original text (StAX reports the end of a start tag; we walk back to its '<').
 */
final class PolicyXml {

    /** The parsed root, or the syntax error and where it is; {@code missing} lists named values without a value. */
    record Parsed(PolicyNode root, String error, SourceRef errorAt, List<Missing> missing) {
    }

    /** A named value without a value, and where it is used. */
    record Missing(String name, SourceRef at) {
    }

    private static final XMLInputFactory FACTORY = newFactory();
    private static final String DOCTYPE_REFUSED = "a DOCTYPE is refused: a policy may not declare a DTD or entities";

    private final RawPolicyText.Result text;
    private final LineIndex lines;
    private final SourceRef source;

    private PolicyXml(RawPolicyText.Result text, String original, SourceRef source) {
        this.text = text;
        this.lines = new LineIndex(original);
        this.source = source;
    }

    static Parsed parse(String policy, SourceRef source, Map<String, String> namedValues) {
        RawPolicyText.Result text = RawPolicyText.normalize(policy, namedValues);
        PolicyXml xml = new PolicyXml(text, policy, source);
        List<Missing> missing = text.missing().stream().map(m -> new Missing(m.name(), xml.at(m.offset()))).toList();
        if (text.unclosed() >= 0) {
            String opening = policy.substring(text.unclosed(), text.unclosed() + 2);
            return new Parsed(null, "expression " + opening + " is never closed", xml.at(text.unclosed()), missing);
        }
        try {
            return new Parsed(xml.read(), null, null, missing);
        } catch (XMLStreamException e) {
            int offset = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getCharacterOffset());
            String message = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
            int cut = message.indexOf("Message: ");
            message = cut < 0 ? message : message.substring(cut + "Message: ".length());
            return new Parsed(null, message, xml.at(text.originOf(offset)), missing);
        }
    }

    private PolicyNode read() throws XMLStreamException {
        XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(text.xml()));
        Deque<Builder> open = new ArrayDeque<>();
        PolicyNode root = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                int end = reader.getLocation().getCharacterOffset();
                int start = text.xml().lastIndexOf('<', Math.max(0, end - 1));
                Map<String, String> attributes = new LinkedHashMap<>();
                for (int i = 0; i < reader.getAttributeCount(); i++) {
                    attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                }
                open.push(new Builder(reader.getLocalName(), attributes, at(text.originOf(start))));
            } else if (event == XMLStreamConstants.DTD) {
                // Refused, not ignored: an entity it declares would otherwise end up in a header as literal "&e;".
                int end = reader.getLocation().getCharacterOffset();
                throw new XMLStreamException(DOCTYPE_REFUSED, new At(text.xml().lastIndexOf("<!DOCTYPE", Math.max(0, end - 1))));
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (!open.isEmpty()) {
                    open.peek().text.append(reader.getText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                PolicyNode node = open.pop().build();
                if (open.isEmpty()) {
                    root = node;
                } else {
                    open.peek().children.add(node);
                }
            }
        }
        return root;
    }

    private SourceRef at(int originalOffset) {
        return source.at(lines.line(originalOffset), lines.column(originalOffset));
    }

    private static final class Builder {
        final String name;
        final Map<String, String> attributes;
        final SourceRef source;
        final List<PolicyNode> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Builder(String name, Map<String, String> attributes, SourceRef source) {
            this.name = name;
            this.attributes = attributes;
            this.source = source;
        }

        PolicyNode build() {
            return new PolicyNode(name, attributes, children, text.toString().strip(), source);
        }
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // Policies are data: no DTDs, no external entities.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Where a refusal we raise ourselves stands; only the offset is read. */
    private record At(int getCharacterOffset) implements Location {
        @Override
        public int getLineNumber() {
            return -1;
        }

        @Override
        public int getColumnNumber() {
            return -1;
        }

        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public String getSystemId() {
            return null;
        }
    }

    /** Offsets to 1-based lines and columns. */
    private static final class LineIndex {
        private final List<Integer> starts = new ArrayList<>();

        LineIndex(String text) {
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
        }

        int line(int offset) {
            int index = java.util.Collections.binarySearch(starts, offset);
            return (index >= 0 ? index : -index - 2) + 1;
        }

        int column(int offset) {
            return offset - starts.get(line(offset) - 1) + 1;
        }
    }
}
