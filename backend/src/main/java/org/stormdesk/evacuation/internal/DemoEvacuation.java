package org.stormdesk.evacuation.internal;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.stormdesk.evacuation.EvacuationDesk;

/** The demo center's site: its assembly point, its evacuation procedure and four alarm zones. */
@Singleton
@Requires(env = "demo")
public class DemoEvacuation implements ApplicationEventListener<StartupEvent> {

    private final EvacuationDesk desk;

    public DemoEvacuation(EvacuationDesk desk) {
        this.desk = desk;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        desk.addSiteIfAbsent("hq", "总部 / Headquarters",
                "大楼东侧广场，旗杆旁 / East plaza, by the flagpole",
                "1. 听到警报立即停止工作，不乘电梯，走最近的安全出口。 Stop work at once; take the nearest exit, never the lift.\n"
                        + "2. 楼层疏散员带领本区域人员下楼并清点。 Floor marshals lead their zone down and count heads.\n"
                        + "3. 到达集合点后在 Stormdesk 报平安；疏散员在平板上为他人点名。 At the assembly point, mark yourself safe; marshals mark others on the tablet.\n"
                        + "4. 未经消防或物业允许不得返回大楼。 Nobody goes back in until the fire brigade or property management says so.");
        if (desk.zones("hq").isEmpty()) {
            desk.defineZone("hq", "3F-A", "3F 坐席 A 区 / Seats zone A", "3F");
            desk.defineZone("hq", "3F-B", "3F 坐席 B 区 / Seats zone B", "3F");
            desk.defineZone("hq", "3F-SRV", "3F 机房 / Server room", "3F");
            desk.defineZone("hq", "3F-STAIR", "3F 楼梯间 / Stairwell", "3F");
        }
    }
}
