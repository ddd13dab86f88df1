package no.ks.ehelse.suite;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Consumer lag read with the Kafka admin client: committed offsets of each group against the partitions' ends. */
final class Lag {

    private Lag() {}

    /** The summed lag of every consumer group on the topics it consumes. */
    static long total(String bootstrapServers, Map<String, List<String>> consumersByTopic)
            throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<String, List<String>> topicsByGroup = new HashMap<>();
            consumersByTopic.forEach((topic, groups) -> groups.forEach(g -> topicsByGroup
                    .computeIfAbsent(g, x -> new java.util.ArrayList<>())
                    .add(topic)));
            long lag = 0;
            for (Map.Entry<String, List<String>> group : topicsByGroup.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata()
                        .get();
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                admin.describeTopics(group.getValue()).allTopicNames().get().forEach((name, d) -> d.partitions()
                        .forEach(p -> ends.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest =
                        admin.listOffsets(ends).all().get();
                for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : latest.entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    lag += end.getValue().offset() - (at == null ? 0 : at.offset());
                }
            }
            return lag;
        }
    }
}
