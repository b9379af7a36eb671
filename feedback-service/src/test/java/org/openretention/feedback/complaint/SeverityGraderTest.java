package org.openretention.feedback.complaint;

import org.openretention.events.feedback.ComplaintSeverity;

import org.junit.jupiter.api.Test;
import org.openretention.feedback.complaint.SeverityGrader.Complaint;

import static org.assertj.core.api.Assertions.assertThat;

/** ComplaintSeverity from the text (both languages) and the circumstances, each rule on its own. */
class SeverityGraderTest {

    private static final SeverityGrader GRADER = SeverityGrader.bundled();

    private static SeverityGrader.Grade grade(String text) {
        return GRADER.grade(new Complaint(text, -0.3, false, 0, false));
    }

    @Test
    void aSafetyHazardIsMajorAtOnce() {
        assertThat(grade("充电的时候电池起火了").severity()).isEqualTo(ComplaintSeverity.MAJOR);
        assertThat(grade("孩子吃了以后食物中毒住院").severity()).isEqualTo(ComplaintSeverity.MAJOR);
        assertThat(grade("The charger caught fire on my desk").severity()).isEqualTo(ComplaintSeverity.MAJOR);
        assertThat(grade("my son got an electric shock from the kettle").reasons()).containsExactly("safety: \"electric shock\"");
    }

    @Test
    void fraudLegalAndMediaWordsRaiseTheGrade() {
        assertThat(grade("物流有点慢").severity()).isEqualTo(ComplaintSeverity.NORMAL);
        assertThat(grade("你们卖的是假货").severity()).as("fraud: 2 points").isEqualTo(ComplaintSeverity.URGENT);
        assertThat(grade("I will contact my lawyer").severity()).isEqualTo(ComplaintSeverity.URGENT);
        assertThat(grade("This is a scam and I will take it to the news").severity()).as("fraud and media").isEqualTo(ComplaintSeverity.MAJOR);
        assertThat(grade("再不处理我就去12315投诉，还要发微博曝光").severity()).isEqualTo(ComplaintSeverity.MAJOR);
    }

    @Test
    void englishWordsMatchWhole() {
        assertThat(grade("the sleeves are too short, I'll suet them").severity()).as("'sue' inside a word").isEqualTo(ComplaintSeverity.NORMAL);
        assertThat(grade("newsletter spam").severity()).as("'news' inside a word").isEqualTo(ComplaintSeverity.NORMAL);
        assertThat(grade("The battery died after a day").severity()).as("'died' is no injury").isEqualTo(ComplaintSeverity.NORMAL);
    }

    @Test
    void theCircumstancesAddPoints() {
        String text = "送错了颜色";
        assertThat(GRADER.grade(new Complaint(text, -0.9, false, 0, false)).severity()).as("strongly negative alone").isEqualTo(ComplaintSeverity.NORMAL);
        assertThat(GRADER.grade(new Complaint(text, -0.9, true, 0, false)).severity()).as("and a high-net-worth customer").isEqualTo(ComplaintSeverity.URGENT);
        assertThat(GRADER.grade(new Complaint(text, -0.2, false, 3, false)).points()).as("repeat complaints count two at most").isEqualTo(2);
        SeverityGrader.Grade everything = GRADER.grade(new Complaint(text, -0.95, true, 2, true));
        assertThat(everything.severity()).isEqualTo(ComplaintSeverity.MAJOR);
        assertThat(everything.points()).isEqualTo(5);
        assertThat(everything.reasons()).containsExactly("strongly negative (-0.95)", "high-net-worth customer", "2 earlier complaint(s)",
                "made in public");
    }
}
