package dev.mcsink.localmc.rest;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The SQL task of an instance-creation body: {@code <Instance><Job><Tasks><SQL>…}. */
record SqlJob(String taskName, String query, Map<String, String> properties) {

  static SqlJob parse(InputStream body) {
    Document doc;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      doc = factory.newDocumentBuilder().parse(body);
    } catch (Exception e) {
      throw ServiceException.badRequest("InvalidXmlRequestBody", "The request body is not valid XML: " + e.getMessage());
    }
    Element tasks = child(child(doc.getDocumentElement(), "Job"), "Tasks");
    if (tasks == null) {
      throw ServiceException.badRequest("InvalidArgument", "The instance has no Job/Tasks");
    }
    for (Node n = tasks.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element task) {
        if (!task.getTagName().equals("SQL")) {
          throw ServiceException.badRequest("InvalidArgument",
              "Task type " + task.getTagName() + " is not supported by the local MaxCompute; only SQL tasks are");
        }
        return new SqlJob(text(child(task, "Name")), text(child(task, "Query")), properties(child(task, "Config")));
      }
    }
    throw ServiceException.badRequest("InvalidArgument", "The instance has no task");
  }

  private static Map<String, String> properties(Element config) {
    Map<String, String> props = new LinkedHashMap<>();
    if (config == null) {
      return props;
    }
    NodeList list = config.getElementsByTagName("Property");
    for (int i = 0; i < list.getLength(); i++) {
      Element p = (Element) list.item(i);
      props.put(text(child(p, "Name")), text(child(p, "Value")));
    }
    return props;
  }

  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element e) {
    return e == null ? "" : e.getTextContent().trim();
  }
}
