package io.dataforge.watch.parquet;

import io.dataforge.watch.RejectedFileException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Records are the child elements of the root element. A record's fields are its
 * attributes and the text of its child elements; deeper elements are flattened into
 * {@code child_grandchild} (their attributes into {@code child_attr}); text directly
 * inside a record goes to {@code value}. An empty element is null. A field that occurs
 * twice in one record is rejected, never overwritten. DTDs and external entities are off:
 * an entity reference to anything but the five XML entities makes the file invalid
 * instead of being resolved (XXE-safe).
 */
final class XmlRecordReader implements RecordReader {

    private final XMLStreamReader xml;

    private final Columns columns;

    private final int maxFieldChars;

    private final Set<Integer> seen = new HashSet<>();

    private long row;

    private boolean done;

    XmlRecordReader(InputStream in, Columns columns, ConversionSettings settings) throws RejectedFileException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        this.columns = columns;
        this.maxFieldChars = settings.maxFieldChars();
        try {
            this.xml = factory.createXMLStreamReader(in);
            if (xml.nextTag() != XMLStreamConstants.START_ELEMENT) {
                throw reject("no root element", null);
            }
        }
        catch (XMLStreamException e) {
            throw invalid(e);
        }
    }

    @Override
    public boolean next(RawRow out) throws RejectedFileException {
        if (done) {
            return false;
        }
        try {
            int event = xml.nextTag();
            if (event == XMLStreamConstants.END_ELEMENT) {
                done = true;
                return false;
            }
            row++;
            out.reset(columns.size());
            seen.clear();
            readElement(out, "", true);
            return true;
        }
        catch (XMLStreamException e) {
            throw invalid(e);
        }
    }

    /**
     * Reads the element the cursor is on up to its end tag; returns its own text (null
     * for an empty element).
     */
    private String readElement(RawRow out, String path, boolean record)
            throws XMLStreamException, RejectedFileException {
        String prefix = path.isEmpty() ? "" : path + "_";
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            put(out, prefix + xml.getAttributeLocalName(i), xml.getAttributeValue(i));
        }
        StringBuilder text = new StringBuilder();
        boolean children = false;
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    text.append(xml.getText());
                    if (text.length() > maxFieldChars) {
                        throw reject(
                                "record " + row + " field " + path + " is longer than " + maxFieldChars + " characters",
                                null);
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    children = true;
                    String child = prefix + xml.getLocalName();
                    String value = readElement(out, child, false);
                    if (value != null) {
                        put(out, child, value);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (text.isEmpty() || ((children || record) && text.toString().isBlank())) {
                        return null;
                    }
                    if (record) {
                        put(out, "value", text.toString());
                        return null;
                    }
                    return text.toString();
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw reject(
                        "record " + row + " uses the entity &" + xml.getLocalName() + "; (not resolved)", null);
                default -> {
                    // comments and processing instructions carry no data
                }
            }
        }
    }

    private void put(RawRow out, String name, String value) throws RejectedFileException {
        int column = columns.indexOf(name);
        if (!seen.add(column)) {
            throw reject("record " + row + " has the field " + name + " more than once", null);
        }
        out.set(column, value.isEmpty() ? null : value, false);
    }

    private RejectedFileException invalid(XMLStreamException e) {
        Long at = row == 0 ? null : row;
        if (e.getNestedException() instanceof CharConversionException
                || e.getCause() instanceof CharConversionException) {
            return new RejectedFileException("INVALID_ENCODING", "record " + row + ": the XML is not validly encoded",
                    at, e);
        }
        return new RejectedFileException("INVALID_DATA", "record " + Math.max(row, 1) + ": " + e.getMessage(), at, e);
    }

    private RejectedFileException reject(String message, Throwable cause) {
        return new RejectedFileException("INVALID_DATA", message, row == 0 ? null : row, cause);
    }

    @Override
    public long rowNumber() {
        return row;
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        }
        catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

}
