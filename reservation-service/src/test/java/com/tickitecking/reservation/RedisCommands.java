package com.tickitecking.reservation;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import org.redisson.client.NettyHook;
import org.redisson.client.protocol.CommandData;
import org.redisson.client.protocol.CommandsData;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records the commands the service's Redisson client sends to Redis (test only, with
 * {@code @Import(RedisCommands.Wiring.class)}), each as its name and its parameters as text, so a test can count those
 * that name its concert or its Idempotency-Key. Redis's own counters (INFO commandstats, MONITOR) are server-wide,
 * shared with other tests.
 */
public final class RedisCommands {

    private final Queue<String> sent = new ConcurrentLinkedQueue<>();

    /** The commands sent since the service started that mention {@code text}, oldest first ("EVALSHA …"). */
    public List<String> mentioning(String text) {
        return sent.stream().filter(command -> command.contains(text)).toList();
    }

    private void record(Object message) {
        if (message instanceof CommandData<?, ?> command) {
            sent.add(text(command));
        } else if (message instanceof CommandsData batch) {
            batch.getCommands().forEach(command -> sent.add(text(command)));
        }
    }

    private static String text(CommandData<?, ?> command) {
        StringBuilder text = new StringBuilder(command.getCommand().getName());
        for (Object param : command.getParams()) {
            text.append(' ').append(switch (param) {
                case ByteBuf buffer -> buffer.toString(buffer.readerIndex(), buffer.readableBytes(), StandardCharsets.UTF_8);
                case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
                default -> String.valueOf(param);
            });
        }
        return text.toString();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Wiring {

        @Bean
        RedisCommands redisCommands() {
            return new RedisCommands();
        }

        /** Last in each connection's pipeline, so it sees every command before Redisson encodes it. */
        @Bean
        RedissonAutoConfigurationCustomizer recordRedisCommands(RedisCommands commands) {
            ChannelHandler recorder = new Recorder(commands);
            return config -> config.setNettyHook(new NettyHook() {
                @Override
                public void afterBoostrapInitialization(Bootstrap bootstrap) {
                }

                @Override
                public void afterChannelInitialization(Channel channel) {
                    channel.pipeline().addLast(recorder);
                }
            });
        }
    }

    @ChannelHandler.Sharable
    private static final class Recorder extends ChannelOutboundHandlerAdapter {

        private final RedisCommands commands;

        Recorder(RedisCommands commands) {
            this.commands = commands;
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
            commands.record(message);
            super.write(context, message, promise);
        }
    }
}
