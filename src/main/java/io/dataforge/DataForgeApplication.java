package io.dataforge;

import io.dataforge.privacy.PurgeCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DataForgeApplication {

    public static void main(String[] args) {
        if (args.length > 0 && PurgeCommand.NAME.equals(args[0])) {
            System.exit(PurgeCommand.run(DataForgeApplication.class, args, System.out));
        }
        SpringApplication.run(DataForgeApplication.class, args);
    }

}
