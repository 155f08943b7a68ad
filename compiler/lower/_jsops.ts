// JS's numeric rules as small LLVM functions, included in every module (unused ones are removed
// by the optimizer). Each is the exact ECMAScript operation, not the C library's near miss.

/** IR text of the helper functions; `declare`s they need are listed in JSOPS_DECLS. */
export const JSOPS_IR = `
; ToInt32 (ECMA-262 7.1.6): NaN and infinities give 0, otherwise truncate and wrap modulo 2^32.
define internal i32 @js.toint32(double %v) alwaysinline nounwind {
entry:
  %a = call double @llvm.fabs.f64(double %v)
  %small = fcmp olt double %a, 0x43E0000000000000
  br i1 %small, label %fast, label %slow
fast:
  %i = fptosi double %v to i64
  %r = trunc i64 %i to i32
  ret i32 %r
slow:
  %fin = fcmp olt double %a, 0x7FF0000000000000
  br i1 %fin, label %big, label %zero
big:
  %m = frem double %v, 0x41F0000000000000
  %mi = fptosi double %m to i64
  %mr = trunc i64 %mi to i32
  ret i32 %mr
zero:
  ret i32 0
}

; Uint8ClampedArray store: NaN and values <= 0 give 0, >= 255 give 255, else round half to even.
define internal i8 @js.toclamped(double %v) alwaysinline nounwind {
  %pos = fcmp ogt double %v, 0.0
  %hi = fcmp oge double %v, 255.0
  %r = call double @llvm.roundeven.f64(double %v)
  %c = select i1 %hi, double 255.0, double %r
  %z = select i1 %pos, double %c, double 0.0
  %i = fptoui double %z to i8
  ret i8 %i
}

; Math.max of two: NaN wins, +0 is above -0.
define internal double @js.max(double %a, double %b) alwaysinline nounwind {
  %nan = fcmp uno double %a, %b
  %gt = fcmp ogt double %a, %b
  %lt = fcmp olt double %a, %b
  %ab = bitcast double %a to i64
  %bb = bitcast double %b to i64
  %andb = and i64 %ab, %bb
  %eq = bitcast i64 %andb to double
  %s1 = select i1 %lt, double %b, double %eq
  %s2 = select i1 %gt, double %a, double %s1
  %s3 = select i1 %nan, double 0x7FF8000000000000, double %s2
  ret double %s3
}

; Math.min of two: NaN wins, -0 is below +0.
define internal double @js.min(double %a, double %b) alwaysinline nounwind {
  %nan = fcmp uno double %a, %b
  %gt = fcmp ogt double %a, %b
  %lt = fcmp olt double %a, %b
  %ab = bitcast double %a to i64
  %bb = bitcast double %b to i64
  %orb = or i64 %ab, %bb
  %eq = bitcast i64 %orb to double
  %s1 = select i1 %gt, double %b, double %eq
  %s2 = select i1 %lt, double %a, double %s1
  %s3 = select i1 %nan, double 0x7FF8000000000000, double %s2
  ret double %s3
}

; Math.round: the nearest integer, halves toward +Infinity, keeping -0 (as V8 lowers it).
define internal double @js.round(double %x) alwaysinline nounwind {
  %c = call double @llvm.ceil.f64(double %x)
  %h = fsub double %c, 0.5
  %gt = fcmp ogt double %h, %x
  %c1 = fsub double %c, 1.0
  %r = select i1 %gt, double %c1, double %c
  ret double %r
}

; Math.sign: -1, +1, or the argument itself for +-0 and NaN.
define internal double @js.sign(double %x) alwaysinline nounwind {
  %gt = fcmp ogt double %x, 0.0
  %lt = fcmp olt double %x, 0.0
  %s1 = select i1 %lt, double -1.0, double %x
  %s2 = select i1 %gt, double 1.0, double %s1
  ret double %s2
}

; x ** y: C's pow except where ECMAScript differs (y NaN, and |x| = 1 with y infinite, give NaN).
define internal double @js.pow(double %x, double %y) nounwind {
  %ynan = fcmp uno double %y, 0.0
  %ax = call double @llvm.fabs.f64(double %x)
  %ay = call double @llvm.fabs.f64(double %y)
  %x1 = fcmp oeq double %ax, 1.0
  %yinf = fcmp oeq double %ay, 0x7FF0000000000000
  %bad1 = and i1 %x1, %yinf
  %bad = or i1 %ynan, %bad1
  %p = call double @pow(double %x, double %y)
  %r = select i1 %bad, double 0x7FF8000000000000, double %p
  ret double %r
}
`;

/** Declarations the helpers (and lowering) rely on. */
export const JSOPS_DECLS = `
declare double @llvm.fabs.f64(double)
declare double @llvm.roundeven.f64(double)
declare double @llvm.ceil.f64(double)
declare double @llvm.floor.f64(double)
declare double @llvm.trunc.f64(double)
declare double @llvm.sqrt.f64(double)
declare i64 @llvm.fptosi.sat.i64.f64(double)
declare i64 @llvm.smax.i64(i64, i64)
declare i64 @llvm.smin.i64(i64, i64)
declare i64 @llvm.abs.i64(i64, i1)
declare i64 @llvm.umax.i64(i64, i64)
declare i32 @llvm.ctlz.i32(i32, i1)
declare double @pow(double, double)
`;
