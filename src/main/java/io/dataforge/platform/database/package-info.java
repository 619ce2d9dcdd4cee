/**
 * What several capabilities need from the database beyond JDBC itself: monthly partitions kept ahead of time.
 */
package io.dataforge.platform.database;
