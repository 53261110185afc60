/// The legal note every record and certificate carries. It says what the training is and
/// what the record is for, and claims no requirement the law does not make: AB 1227 (2017)
/// added EC 51950(f), which asks for continuation training of school staff to be conducted
/// periodically; it does not mandate annual, documented all-staff training.
public enum LegalNote {
    public static let text =
        "Continuation training on human trafficking, including the commercial sexual exploitation of children, "
        + "for school personnel, as California Education Code 51950(f) (added by AB 1227, 2017) asks to be conducted "
        + "periodically. This record documents one completion, as districts document mandated-reporter training "
        + "(Education Code 44691); it does not state that the law requires annual training."
}
