package io.dataforge.watch.parquet;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import java.util.List;
import java.util.Map;

/**
 * Writes {@link TypedRow}s straight to Parquet's RecordConsumer: a flat message of
 * optional columns.
 */
final class RowWriteSupport extends WriteSupport<TypedRow> {

    private final MessageType schema;

    private final ColumnType[] types;

    private final String[] names;

    private RecordConsumer consumer;

    RowWriteSupport(List<ColumnSpec> columns) {
        this.schema = schema(columns);
        this.types = columns.stream().map(ColumnSpec::type).toArray(ColumnType[]::new);
        this.names = columns.stream().map(ColumnSpec::name).toArray(String[]::new);
    }

    static MessageType schema(List<ColumnSpec> columns) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (ColumnSpec column : columns) {
            switch (column.type()) {
                case BOOLEAN -> message.optional(PrimitiveTypeName.BOOLEAN).named(column.name());
                case INT64 -> message.optional(PrimitiveTypeName.INT64).named(column.name());
                case DECIMAL -> message.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.decimalType(column.scale(), ColumnSpec.DECIMAL_PRECISION))
                    .named(column.name());
                case DOUBLE -> message.optional(PrimitiveTypeName.DOUBLE).named(column.name());
                case DATE ->
                    message.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(column.name());
                case TIMESTAMP -> message.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS))
                    .named(column.name());
                case TIMESTAMP_UTC -> message.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS))
                    .named(column.name());
                case STRING -> message.optional(PrimitiveTypeName.BINARY)
                    .as(LogicalTypeAnnotation.stringType())
                    .named(column.name());
            }
        }
        return message.named("record");
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(TypedRow row) {
        consumer.startMessage();
        for (int i = 0; i < types.length; i++) {
            if (!row.present[i]) {
                continue;
            }
            consumer.startField(names[i], i);
            switch (types[i]) {
                case BOOLEAN -> consumer.addBoolean(row.longs[i] != 0);
                case DATE -> consumer.addInteger((int) row.longs[i]);
                case DOUBLE -> consumer.addDouble(row.doubles[i]);
                case STRING -> consumer.addBinary(row.binaries[i]);
                default -> consumer.addLong(row.longs[i]);
            }
            consumer.endField(names[i], i);
        }
        consumer.endMessage();
    }

}
