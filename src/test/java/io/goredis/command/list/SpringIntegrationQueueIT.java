package io.goredis.command.list;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.goredis.Await;
import io.goredis.Fleet;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.StringRedisSerializer;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.redis.inbound.RedisQueueMessageDrivenEndpoint;
import org.springframework.integration.redis.outbound.RedisQueueOutboundChannelAdapter;
import org.springframework.integration.support.MessageBuilder;

/**
 * A job framework from Maven Central driven end to end on a goredis fleet: Spring Integration's
 * Redis queue adapters (the outbound adapter LPUSHes jobs, the message-driven endpoint's workers
 * wait on BRPOP) on a DynamoDB node and a caching node sharing one table. Jobs are enqueued on
 * one node; workers on both nodes process them and record each result in a hash; every job is
 * processed exactly once and its result recorded.
 */
class SpringIntegrationQueueIT {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    private static Fleet fleet;
    private static Fleet.Node a;
    private static Fleet.Node b;
    private static final List<LettuceConnectionFactory> factories = new ArrayList<>();

    @BeforeAll
    static void startFleet() throws Exception {
        fleet = new Fleet(dynamo);
        a = fleet.start("dynamodb");
        b = fleet.start("caching");
    }

    @AfterAll
    static void stopFleet() {
        factories.forEach(LettuceConnectionFactory::destroy);
        fleet.close();
    }

    private static LettuceConnectionFactory factory(Fleet.Node node) {
        LettuceConnectionFactory f = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", node.port()));
        f.afterPropertiesSet();
        f.start();
        factories.add(f);
        return f;
    }

    @Test
    void jobsEnqueuedOnOneNode_processedByWorkersOnBoth_exactlyOnce_resultsRecorded() throws Exception {
        int jobs = 120;
        Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();
        List<RedisQueueMessageDrivenEndpoint> workers = new ArrayList<>();
        for (Fleet.Node node : List.of(a, b)) {
            LettuceConnectionFactory f = factory(node);
            StringRedisTemplate results = new StringRedisTemplate(f);
            DirectChannel done = new DirectChannel();
            done.subscribe(message -> {
                String job = (String) message.getPayload();
                processed.computeIfAbsent(job, k -> new AtomicInteger()).incrementAndGet();
                results.opsForHash().put("si:results", job, "done:" + job.toUpperCase() + "@" + node.port());
            });
            RedisQueueMessageDrivenEndpoint worker = new RedisQueueMessageDrivenEndpoint("si:jobs", f);
            worker.setSerializer(new StringRedisSerializer());
            worker.setExpectMessage(false);
            worker.setReceiveTimeout(1_000);
            worker.setOutputChannel(done);
            worker.setTaskExecutor(new SimpleAsyncTaskExecutor("worker-" + node.port() + "-"));
            worker.setBeanFactory(new DefaultListableBeanFactory());
            worker.afterPropertiesSet();
            worker.start();
            workers.add(worker);
        }
        try {
            RedisQueueOutboundChannelAdapter enqueue = new RedisQueueOutboundChannelAdapter("si:jobs", factory(a));
            enqueue.setSerializer(new StringRedisSerializer());
            DefaultListableBeanFactory beans = new DefaultListableBeanFactory(); // what a Spring context would hold
            beans.registerSingleton("integrationEvaluationContext", new StandardEvaluationContext());
            enqueue.setBeanFactory(beans);
            enqueue.afterPropertiesSet();
            for (int i = 0; i < jobs; i++) {
                enqueue.handleMessage(MessageBuilder.withPayload("job-" + i).build());
            }
            StringRedisTemplate check = new StringRedisTemplate(factory(a));
            Await.until(Fleet.CONVERGENCE, () -> check.opsForHash().size("si:results") == jobs,
                    () -> "results recorded: " + check.opsForHash().size("si:results") + " of " + jobs);
            assertEquals(jobs, processed.size());
            processed.forEach((job, n) -> assertEquals(1, n.get(), job + " processed " + n.get() + " times"));
            for (int i = 0; i < jobs; i++) {
                String r = (String) check.opsForHash().get("si:results", "job-" + i);
                assertEquals("done:JOB-" + i, r.substring(0, r.indexOf('@')));
            }
            assertEquals(0L, check.opsForList().size("si:jobs"));
        } finally {
            workers.forEach(RedisQueueMessageDrivenEndpoint::stop);
        }
    }
}
