package dev.mcsink.localmc.rest;

/** A small XML writer for the REST answers; escapes text and attributes. */
public final class Xml {
  private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  public Xml open(String name) {
    out.append('<').append(name).append('>');
    return this;
  }

  public Xml openWith(String name, String... attributes) {
    out.append('<').append(name);
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
    }
    out.append('>');
    return this;
  }

  public Xml close(String name) {
    out.append("</").append(name).append('>');
    return this;
  }

  public Xml element(String name, Object text) {
    out.append('<').append(name).append('>');
    if (text != null) {
      out.append(escape(String.valueOf(text)));
    }
    out.append("</").append(name).append('>');
    return this;
  }

  /** Text inside CDATA, splitting any "]]>" so the section stays well formed. */
  public Xml cdata(String name, String text) {
    return cdataWith(name, text);
  }

  /** Text inside CDATA in an element with attributes. */
  public Xml cdataWith(String name, String text, String... attributes) {
    openWith(name, attributes);
    out.append("<![CDATA[").append(text.replace("]]>", "]]]]><![CDATA[>")).append("]]></").append(name).append('>');
    return this;
  }

  public Xml emptyWith(String name, String... attributes) {
    openWith(name, attributes);
    out.setLength(out.length() - 1);
    out.append("/>");
    return this;
  }

  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
