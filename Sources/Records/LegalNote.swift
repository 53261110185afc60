/// The legal note every record and certificate carries. It says what the training is and
/// what the record is for, and claims no requirement the law does not make: Education Code
/// 51950 (added by SB 1165, 2014) was amended by AB 1227 (2017) to require that continuation
/// training of school district personnel on abuse, including sexual abuse, and human
/// trafficking be available and conducted periodically (51950(f)). It does not mandate
/// annual, documented all-staff training.
public enum LegalNote {
    public static let text =
        "Continuation training of school personnel on human trafficking, including the commercial sexual exploitation "
        + "of children. California Education Code 51950(f), as amended by AB 1227 (2017), requires that such training "
        + "be available and conducted periodically. This record documents one completion, as districts document "
        + "mandated-reporter training (Education Code 44691); it does not state that the law requires annual training."
}
