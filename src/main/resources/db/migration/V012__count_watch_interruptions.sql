-- How many times the process stopped (killed, or out of memory with ExitOnOutOfMemoryError) while a file was in
-- progress, counted across restarts: a file that keeps bringing the process down is parked in the error folder.
ALTER TABLE watch_progress ADD COLUMN interruptions INTEGER NOT NULL DEFAULT 0;
