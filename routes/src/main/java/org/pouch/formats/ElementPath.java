package org.pouch.formats;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Keeps the path of the element being parsed, so that a schema error can name its field: the validator
 * downstream reports what is wrong, this filter says where. Every step but the root carries its position
 * among same-named siblings, counted from 1.
 */
final class ElementPath extends XMLFilterImpl {

    private final Deque<String> steps = new ArrayDeque<>();
    private final Deque<Map<String, Integer>> siblings = new ArrayDeque<>();

    ElementPath() {
        siblings.push(new HashMap<>());
    }

    String current() {
        if (steps.isEmpty()) {
            return "/";
        }
        StringBuilder path = new StringBuilder();
        steps.descendingIterator().forEachRemaining(step -> path.append('/').append(step));
        return path.toString();
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        int position = siblings.peek().merge(localName, 1, Integer::sum);
        steps.push(steps.isEmpty() ? localName : localName + "[" + position + "]");
        siblings.push(new HashMap<>());
        super.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        super.endElement(uri, localName, qName);
        siblings.pop();
        steps.pop();
    }
}
