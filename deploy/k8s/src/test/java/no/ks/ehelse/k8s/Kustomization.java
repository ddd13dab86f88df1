package no.ks.ehelse.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Renders a Kustomize directory the way {@code kubectl apply -k} would, for the subset this repository uses:
 * {@code resources} (files and directories), {@code namespace}, {@code images} (newTag) and {@code patches} by
 * path (strategic merge of maps by kind and name; lists replaced). Any other field fails the rendering, so a
 * manifest change that needs more than this subset is noticed here rather than silently unchecked.
 */
final class Kustomization {

    private static final Set<String> SUPPORTED =
            Set.of("apiVersion", "kind", "namespace", "resources", "images", "patches");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

    private Kustomization() {}

    /** The rendered objects, typed by the fabric8 model (custom resources as generic resources). */
    static List<HasMetadata> render(Path directory) {
        List<HasMetadata> typed = new ArrayList<>();
        for (ObjectNode node : renderTrees(directory)) {
            KubernetesResource resource = KUBERNETES.unmarshal(node.toString(), KubernetesResource.class);
            if (!(resource instanceof HasMetadata object)) {
                throw new AssertionError("not a Kubernetes object: " + node);
            }
            typed.add(object);
        }
        return typed;
    }

    static List<ObjectNode> renderTrees(Path directory) {
        ObjectNode k = readAll(directory.resolve("kustomization.yaml")).get(0);
        k.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new AssertionError(directory + "/kustomization.yaml uses '" + field
                        + "', which this check does not render; extend Kustomization.java first");
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        k.path("resources").forEach(r -> {
            Path path = directory.resolve(r.asText()).normalize();
            objects.addAll(Files.isDirectory(path) ? renderTrees(path) : readAll(path));
        });
        k.path("patches").forEach(p -> {
            if (!p.has("path") || p.size() != 1) {
                throw new AssertionError("only patches by path are rendered: " + p);
            }
            for (ObjectNode patch : readAll(directory.resolve(p.get("path").asText()))) {
                ObjectNode target = objects.stream()
                        .filter(o -> same(o, patch))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("patch " + p + " targets no object: "
                                + patch.path("kind").asText() + "/"
                                + patch.at("/metadata/name").asText()));
                merge(target, patch);
            }
        });
        k.path("images")
                .forEach(image -> objects.forEach(o -> o.findParents("image").forEach(container -> {
                    String current = container.get("image").asText();
                    String name = current.contains(":") ? current.substring(0, current.lastIndexOf(':')) : current;
                    if (name.equals(image.get("name").asText())) {
                        ((ObjectNode) container)
                                .put("image", name + ":" + image.get("newTag").asText());
                    }
                })));
        if (k.has("namespace")) {
            objects.forEach(o -> ((ObjectNode) o.get("metadata"))
                    .put("namespace", k.get("namespace").asText()));
        }
        return objects;
    }

    static List<ObjectNode> readAll(Path file) {
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            List<ObjectNode> docs = new ArrayList<>();
            YAML.readValues(parser, ObjectNode.class).forEachRemaining(docs::add);
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("not valid YAML: " + file, e);
        }
    }

    private static boolean same(ObjectNode a, ObjectNode b) {
        return a.path("kind").asText().equals(b.path("kind").asText())
                && a.at("/metadata/name").asText().equals(b.at("/metadata/name").asText());
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        patch.fields().forEachRemaining(e -> {
            if (e.getValue().isObject() && target.path(e.getKey()).isObject()) {
                merge((ObjectNode) target.get(e.getKey()), (ObjectNode) e.getValue());
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }

    /** For messages. */
    static Map<String, Object> describe(HasMetadata o) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", o.getKind());
        d.put("name", o.getMetadata().getName());
        return d;
    }
}
