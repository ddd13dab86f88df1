package no.ks.ehelse.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The two uses of Kafka's {@code kafka-consumer-groups.sh} that deploy/restore/adoption-stats makes, with the
 * same arguments and CSV, for the test machine, which has Kafka's libraries but not its distribution: export a
 * group's committed offsets ({@code --reset-offsets --all-topics --to-current --dry-run --export}) and set them
 * from such a file ({@code --reset-offsets --from-file <csv> --execute}; the group must have no members).
 */
public final class ConsumerGroupsCommand {

    private ConsumerGroupsCommand() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            boolean valued =
                    List.of("--bootstrap-server", "--group", "--from-file").contains(args[i]);
            options.put(args[i], valued ? args[++i] : "");
        }
        if (!options.containsKey("--reset-offsets")) {
            throw new IllegalArgumentException("only --reset-offsets is supported: " + List.of(args));
        }
        String group = options.get("--group");
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.get("--bootstrap-server")))) {
            if (options.containsKey("--to-current") && options.containsKey("--export")) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get();
                List<String> lines = new ArrayList<>();
                committed.forEach((tp, offset) -> {
                    if (offset != null) {
                        lines.add(tp.topic() + "," + tp.partition() + "," + offset.offset());
                    }
                });
                lines.sort(null);
                lines.forEach(System.out::println);
            } else if (options.containsKey("--from-file") && options.containsKey("--execute")) {
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (String line : Files.readAllLines(Path.of(options.get("--from-file")))) {
                    if (!line.isBlank()) {
                        String[] f = line.split(",");
                        offsets.put(
                                new TopicPartition(f[0], Integer.parseInt(f[1])),
                                new OffsetAndMetadata(Long.parseLong(f[2])));
                    }
                }
                admin.alterConsumerGroupOffsets(group, offsets).all().get();
            } else {
                throw new IllegalArgumentException("unsupported arguments: " + List.of(args));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The command line that runs this class, for {@code KAFKA_CONSUMER_GROUPS}. */
    static String commandLine() {
        return Path.of(System.getProperty("java.home"), "bin", "java")
                + " -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp " + System.getProperty("java.class.path") + " "
                + ConsumerGroupsCommand.class.getName();
    }
}
