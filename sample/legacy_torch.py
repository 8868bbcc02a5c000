"""Older PyTorch idioms that still run but have modern replacements."""
import torch
import torch.nn.functional as F
from torch.autograd import Variable

x = Variable(torch.randn(4, 3), volatile=True)
y = torch.sigmoid(x) + F.tanh(x)  # F.tanh is fine: only torch 1.x warned about it
up = F.upsample(torch.randn(1, 1, 4, 4), scale_factor=2)
near = F.upsample_nearest(torch.randn(1, 1, 4, 4), scale_factor=2)

scaler = torch.cuda.amp.GradScaler()
with torch.cuda.amp.autocast():
    z = x @ x.T
