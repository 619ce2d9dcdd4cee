package io.dataforge.watch.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only file channel that reports the bytes read, for the compression ratio of
 * random-access archives.
 */
final class CountingChannel implements SeekableByteChannel {

    private final SeekableByteChannel channel;

    private final CountingInputStream.Tally tally;

    CountingChannel(SeekableByteChannel channel, CountingInputStream.Tally tally) {
        this.channel = channel;
        this.tally = tally;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        int n = channel.read(target);
        if (n > 0) {
            tally.add(n);
        }
        return n;
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        return channel.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        channel.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

}
