package dev.portico.node;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The node's software version, from the build (portico-node.properties, filtered by Maven). */
final class NodeVersion {

    private NodeVersion() {
    }

    static String current() {
        try (InputStream in = NodeVersion.class.getResourceAsStream("/portico-node.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
