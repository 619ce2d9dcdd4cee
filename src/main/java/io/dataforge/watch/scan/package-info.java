/**
 * Finding the files of the watched folder, by one instance at a time.
 * <ul>
 * <li>In: every poll interval the {@code watch.scan} route walks
 * {@code dataforge.watch.dir} (recursively; dot-files and the error folder skipped), but
 * only on the instance holding the watch lock, a PostgreSQL session advisory lock keyed
 * on bucket and prefix. Taking the lock first runs the recovery; the processor hands each
 * completed file's source and keys to
 * {@link io.dataforge.watch.scan.CompletionMarkers}.</li>
 * <li>Out: each file whose size and mtime have stayed the same for the quiet period,
 * measured on our own clock, queued once for {@code watch.process} (the body is its path
 * relative to the folder), in the order the files became ready; a completed file that has
 * not changed is not queued again. A JSON marker per completed file under
 * {@code <prefix>.dataforge/watch/}.</li>
 * <li>Bad input: nothing is parsed here. A file or folder that cannot be read is logged
 * and looked at again at the next poll; a missing folder is waited for. A file the
 * process stopped on {@code max-interrupted-attempts} times is parked in the error folder
 * instead of being redone; an unreadable marker is skipped, which costs that file one
 * upload. A recovery that fails (storage or database down) gives the lock back and is
 * tried again at the next poll.</li>
 * <li>Replay: a scan keeps only what it observed in memory, so any instance can take
 * over. Recovery aborts the unfinished multipart uploads of the files a killed run left
 * in progress, which are then done from the start; an empty {@code watch_progress} is
 * rebuilt from the markers, so nothing already stored goes up again.</li>
 * </ul>
 */
package io.dataforge.watch.scan;
