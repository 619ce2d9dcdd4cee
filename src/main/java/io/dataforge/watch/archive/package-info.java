/**
 * Archive streaming for the watched folder.
 * <ul>
 * <li>In: a local file (zip, tar, tar.gz/tgz, tar.bz2, tar.xz, 7z, or a single gz/bz2/xz
 * file) and its path relative to the watched folder.</li>
 * <li>Out: each leaf file, in archive order, with its output path ({@code drop/a.zip}
 * holding {@code x/y.csv} gives {@code drop/a/x/y.csv}) and a one-shot stream; nested
 * archives are streamed through, never written to disk (a 7z inside another archive is
 * held in memory up to a cap).</li>
 * <li>A bad archive (zip slip, bomb, encrypted, corrupt, RAR, too deep) is refused as a
 * whole with a {@code RejectedFileException} naming the archive and entry; failures of
 * the visitor pass through unchanged.</li>
 * <li>Replay: every entry carries a source that re-walks from the root file to the same
 * position, so a reader can start that entry again; walking the file again visits the
 * same entries in the same order.</li>
 * </ul>
 */
package io.dataforge.watch.archive;
