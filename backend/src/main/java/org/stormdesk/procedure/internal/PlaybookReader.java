package org.stormdesk.procedure.internal;

import org.stormdesk.people.Role;
import org.stormdesk.procedure.Playbook;
import org.stormdesk.procedure.PlaybookError;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a playbook from its YAML (docs/playbooks.md) and says everything that is wrong with it, each
 * complaint with its field and line. The YAML is only composed into nodes (never turned into objects), so a
 * playbook cannot make the server build anything; unknown fields, bad durations, unknown roles and missing
 * languages are all refused.
 */
public final class PlaybookReader {

    /** The largest playbook accepted, in characters. */
    public static final int MAX_CHARS = 60_000;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    private static final Pattern CLAUSE = Pattern.compile("S[1-8]\\.[1-9]");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");
    private static final Set<String> TOP = Set.of("kind", "steps", "timers", "call-tree");
    private static final Set<String> STEP = Set.of("id", "clause", "role", "within", "text", "call");
    private static final Set<String> TIMER = Set.of("id", "clause", "after", "unless", "notify", "ack-within", "message", "levels");
    private static final Set<String> LEVEL = Set.of("notify", "ack-within", "message");
    private static final Set<String> UNLESS = Set.of("resolved", "acknowledged");

    private final List<PlaybookError> errors = new ArrayList<>();

    private PlaybookReader() {
    }

    /** The playbook, or what is wrong with it. */
    public record Result(Playbook playbook, List<PlaybookError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Reads a playbook for {@code kind} (the kind it says must be this one). */
    public static Result read(String kind, String yaml) {
        PlaybookReader reader = new PlaybookReader();
        Playbook playbook = reader.playbook(kind, yaml);
        return new Result(reader.errors.isEmpty() ? playbook : null, List.copyOf(reader.errors));
    }

    private Playbook playbook(String kind, String yaml) {
        if (yaml == null || yaml.isBlank()) {
            error("", 1, "playbook.empty");
            return null;
        }
        if (yaml.length() > MAX_CHARS) {
            error("", 1, "playbook.tooLarge", MAX_CHARS);
            return null;
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(20);
            options.setCodePointLimit(MAX_CHARS * 2);
            options.setNestingDepthLimit(20);
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            error("", mark == null ? 1 : mark.getLine() + 1, "playbook.syntax", mark == null ? 1 : mark.getColumn() + 1);
            return null;
        } catch (YAMLException e) {
            error("", 1, "playbook.syntax", 1);
            return null;
        }
        if (root == null) {
            error("", 1, "playbook.empty");
            return null;
        }
        Map<String, Node> top = mapping("", root, TOP);
        if (top == null) {
            return null;
        }
        String said = text("kind", top.get("kind"), line(root), true);
        if (said != null && !said.equals(kind)) {
            error("kind", line(top.get("kind")), "playbook.kind", said, kind);
        }
        Set<String> ids = new HashSet<>();
        List<Playbook.Step> steps = new ArrayList<>();
        List<Node> stepNodes = sequence("steps", top.get("steps"), line(root), false);
        for (int i = 0; i < stepNodes.size(); i++) {
            Playbook.Step step = step("steps[" + i + "]", stepNodes.get(i), ids);
            if (step != null) {
                steps.add(step);
            }
        }
        List<Playbook.Timer> timers = new ArrayList<>();
        List<Node> timerNodes = sequence("timers", top.get("timers"), line(root), false);
        for (int i = 0; i < timerNodes.size(); i++) {
            Playbook.Timer timer = timer("timers[" + i + "]", timerNodes.get(i), ids);
            if (timer != null) {
                timers.add(timer);
            }
        }
        List<String> callTree = new ArrayList<>();
        List<Node> calls = sequence("call-tree", top.get("call-tree"), line(root), false);
        for (int i = 0; i < calls.size(); i++) {
            String party = party("call-tree[" + i + "]", calls.get(i));
            if (party != null) {
                if (callTree.contains(party)) {
                    error("call-tree[" + i + "]", line(calls.get(i)), "playbook.duplicateId", party);
                }
                callTree.add(party);
            }
        }
        return new Playbook(kind, 0, steps, timers, callTree);
    }

    private Playbook.Step step(String path, Node node, Set<String> ids) {
        Map<String, Node> m = mapping(path, node, STEP);
        if (m == null) {
            return null;
        }
        String id = id(path + ".id", m.get("id"), line(node), ids);
        String clause = clause(path + ".clause", m.get("clause"), line(node));
        String role = text(path + ".role", m.get("role"), line(node), true);
        if (role != null && Role.parse(role).isEmpty()) {
            error(path + ".role", line(m.get("role")), "playbook.role", role);
            role = null;
        }
        String within = duration(path + ".within", m.get("within"), line(node), false, false);
        Map<String, String> text = languages(path + ".text", m.get("text"), line(node), true);
        Map<String, String> call = null;
        Node callNode = m.get("call");
        if (callNode != null) {
            Map<String, Node> byType = mapping(path + ".call", callNode, null);
            if (byType != null) {
                call = new LinkedHashMap<>();
                for (Map.Entry<String, Node> e : byType.entrySet()) {
                    String party = party(path + ".call." + e.getKey(), e.getValue());
                    if (party != null) {
                        call.put(e.getKey(), party);
                    }
                }
                if (byType.isEmpty()) {
                    error(path + ".call", line(callNode), "playbook.required", "call");
                }
            }
        }
        if (id == null || clause == null || role == null || text == null) {
            return null;
        }
        return new Playbook.Step(id, clause, role, within, text, call);
    }

    private Playbook.Timer timer(String path, Node node, Set<String> ids) {
        Map<String, Node> m = mapping(path, node, TIMER);
        if (m == null) {
            return null;
        }
        String id = id(path + ".id", m.get("id"), line(node), ids);
        String clause = clause(path + ".clause", m.get("clause"), line(node));
        String after = duration(path + ".after", m.get("after"), line(node), true, false);
        String unless = text(path + ".unless", m.get("unless"), line(node), false);
        if (unless != null && !UNLESS.contains(unless)) {
            error(path + ".unless", line(m.get("unless")), "playbook.unless", unless);
        }
        List<Playbook.Level> levels = new ArrayList<>();
        Map<String, String> message = languages(path + ".message", m.get("message"), line(node), true);
        Playbook.Level first = level(path, 1, m, line(node), message);
        if (first != null) {
            levels.add(first);
        }
        List<Node> next = sequence(path + ".levels", m.get("levels"), line(node), false);
        String previousAck = first == null ? null : first.ackWithin();
        for (int i = 0; i < next.size(); i++) {
            String levelPath = path + ".levels[" + i + "]";
            Map<String, Node> lm = mapping(levelPath, next.get(i), LEVEL);
            if (lm == null) {
                continue;
            }
            if (previousAck == null && !levels.isEmpty()) {
                // the level before never asks for an acknowledgement, so this one could never fire
                error(levelPath, line(next.get(i)), "playbook.levelUnreachable");
            }
            Map<String, String> own = lm.containsKey("message")
                    ? languages(levelPath + ".message", lm.get("message"), line(next.get(i)), true) : message;
            Playbook.Level level = level(levelPath, i + 2, lm, line(next.get(i)), own);
            if (level != null) {
                levels.add(level);
                previousAck = level.ackWithin();
            }
        }
        if (id == null || clause == null || after == null || levels.isEmpty()
                || (unless != null && !UNLESS.contains(unless)) || message == null) {
            return null;
        }
        return new Playbook.Timer(id, clause, after, unless, levels);
    }

    private Playbook.Level level(String path, int number, Map<String, Node> m, int line, Map<String, String> message) {
        List<Node> notifyNodes = sequence(path + ".notify", m.get("notify"), line, true);
        List<String> notify = new ArrayList<>();
        for (int i = 0; i < notifyNodes.size(); i++) {
            String party = party(path + ".notify[" + i + "]", notifyNodes.get(i));
            if (party != null) {
                notify.add(party);
            }
        }
        String ack = duration(path + ".ack-within", m.get("ack-within"), line, false, true);
        if (notify.isEmpty() || message == null) {
            return null;
        }
        return new Playbook.Level(number, notify, ack, message);
    }

    /** {@code role:ROLE}, {@code user:NAME} or {@code contact:ID}. */
    private String party(String path, Node node) {
        String value = text(path, node, line(node), true);
        if (value == null) {
            return null;
        }
        int colon = value.indexOf(':');
        String type = colon < 0 ? "" : value.substring(0, colon);
        String name = colon < 0 ? "" : value.substring(colon + 1);
        boolean ok = switch (type) {
            case "role" -> Role.parse(name).isPresent();
            case "user", "contact" -> NAME.matcher(name).matches();
            default -> false;
        };
        if (!ok) {
            error(path, line(node), "role".equals(type) ? "playbook.role" : "playbook.party", "role".equals(type) ? name : value);
            return null;
        }
        return value;
    }

    private String id(String path, Node node, int parentLine, Set<String> ids) {
        String id = text(path, node, parentLine, true);
        if (id == null) {
            return null;
        }
        if (!ID.matcher(id).matches()) {
            error(path, line(node), "playbook.id", id);
            return null;
        }
        if (!ids.add(id)) {
            error(path, line(node), "playbook.duplicateId", id);
            return null;
        }
        return id;
    }

    private String clause(String path, Node node, int parentLine) {
        String clause = text(path, node, parentLine, true);
        if (clause != null && !CLAUSE.matcher(clause).matches()) {
            error(path, line(node), "playbook.clause", clause);
            return null;
        }
        return clause;
    }

    private String duration(String path, Node node, int parentLine, boolean required, boolean positive) {
        String value = text(path, node, parentLine, required);
        if (value == null) {
            return null;
        }
        try {
            Duration d = Duration.parse(value);
            if (d.isNegative() || (positive && d.isZero())) {
                error(path, line(node), "playbook.duration", value);
                return null;
            }
            return d.toString();
        } catch (DateTimeParseException e) {
            error(path, line(node), "playbook.duration", value);
            return null;
        }
    }

    private Map<String, String> languages(String path, Node node, int parentLine, boolean required) {
        if (node == null) {
            if (required) {
                error(path, parentLine, "playbook.required", leaf(path));
            }
            return null;
        }
        Map<String, Node> m = mapping(path, node, null);
        if (m == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, Node> e : m.entrySet()) {
            if (!Playbook.LANGUAGES.contains(e.getKey())) {
                error(path + "." + e.getKey(), line(e.getValue()), "playbook.language.unknown", e.getKey());
                ok = false;
                continue;
            }
            String t = text(path + "." + e.getKey(), e.getValue(), line(node), true);
            if (t == null) {
                ok = false;
            } else {
                out.put(e.getKey(), t);
            }
        }
        for (String lang : Playbook.LANGUAGES) {
            if (!m.containsKey(lang)) {
                error(path + "." + lang, line(node), "playbook.language.missing", lang);
                ok = false;
            }
        }
        return ok ? out : null;
    }

    /** A mapping's entries by key, in order; complains about unknown and repeated keys ({@code known} null: any). */
    private Map<String, Node> mapping(String path, Node node, Set<String> known) {
        if (!(node instanceof MappingNode m)) {
            error(path, line(node), "playbook.type.mapping");
            return null;
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                error(path, line(t.getKeyNode()), "playbook.type.key");
                continue;
            }
            String key = k.getValue();
            String where = path.isEmpty() ? key : path + "." + key;
            if (known != null && !known.contains(key)) {
                error(where, line(k), "playbook.unknownField", key);
                continue;
            }
            if (out.containsKey(key)) {
                error(where, line(k), "playbook.duplicateKey", key);
                continue;
            }
            out.put(key, t.getValueNode());
        }
        return out;
    }

    private List<Node> sequence(String path, Node node, int parentLine, boolean required) {
        if (node == null || isNull(node)) {
            if (required) {
                error(path, parentLine, "playbook.required", leaf(path));
            }
            return List.of();
        }
        if (!(node instanceof SequenceNode s)) {
            error(path, line(node), "playbook.type.list");
            return List.of();
        }
        if (required && s.getValue().isEmpty()) {
            error(path, line(node), "playbook.required", leaf(path));
        }
        return s.getValue();
    }

    private String text(String path, Node node, int parentLine, boolean required) {
        if (node == null || isNull(node)) {
            if (required) {
                error(path, node == null ? parentLine : line(node), "playbook.required", leaf(path));
            }
            return null;
        }
        if (!(node instanceof ScalarNode s)) {
            error(path, line(node), "playbook.type.text");
            return null;
        }
        String v = s.getValue().strip();
        if (v.isEmpty()) {
            if (required) {
                error(path, line(node), "playbook.required", leaf(path));
            }
            return null;
        }
        return v;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && "tag:yaml.org,2002:null".equals(s.getTag().getValue());
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static int line(Node node) {
        return node == null || node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }

    private void error(String field, int line, String key, Object... args) {
        errors.add(new PlaybookError(field.isEmpty() ? "yaml" : field, line, key, args));
    }
}
